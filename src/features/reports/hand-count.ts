// The hand count of the known cases in testing.ts: Warrington, July to September 2026, as each
// table of the report must give it, small numbers suppressed: S for a hidden count from 1 to 4
// (it reads "fewer than 5"), H for a figure hidden to protect one (it reads "not shown").
export const S = 'small' as const
export const H = 'hidden' as const
export type Cell = number | typeof S | typeof H
/** Each table's rows (a row's total last, where the table has a total column) and its total row. */
export const expected: Record<string, { labels: string[]; rows: Cell[][]; totals?: Cell[] }> = {
  'enquiries-channel': {
    labels: ['Online (the web form)', 'Phone', 'Email', "Referral: a professional asking with the family's permission"],
    rows: [[12], [6], [S], [H]], // 3 by email; the 5 referrals hidden with them
    totals: [26],
  },
  'enquiries-asker': {
    labels: ['Parent or carer', 'Young person', 'Professional'],
    rows: [[18], [S], [H]], // 3 young people; the 5 professionals hidden with them
    totals: [26],
  },
  'enquiries-became': {
    labels: [
      'SEN mediation',
      'Disagreement resolution',
      'Both SEN mediation and disagreement resolution',
      'Signposted to another service',
      'Not decided yet',
    ],
    rows: [[12], [6], [0], [S], [H]], // 3 signposted; the 5 not decided hidden with them
    totals: [26],
  },
  'enquiries-signposted': {
    labels: ['SENDIASS (SEND Information, Advice and Support Service)'],
    rows: [[S]], // the 3 signposted
    totals: [S],
  },
  // Declined: 4 within 3 working days, 1 later; after mediation: 6 and 1; in all 10 and 2. Every
  // cell goes: the 6 and the 10 are the ones hidden with the small ones.
  certificates: {
    labels: [
      'Mediation declined',
      'After mediation',
      'Mediation could not be arranged within 30 days',
      'The parent or young person withdrew from mediation',
    ],
    rows: [
      [S, S, 5],
      [H, S, 7],
      [0, 0, 0],
      [0, 0, 0],
    ],
    totals: [H, S, 12],
  },
  'mediation-held': { labels: ['Within 30 days', 'After more than 30 days'], rows: [[H], [S]], totals: [7] }, // 5 and 2
  appeals: { labels: ['Appeals made to the SEND Tribunal'], rows: [[S]] }, // 2
  // Parents: 5 declined, 1 withdrew before the meeting, 6 in all; the school: 2 said no, 1 did not
  // answer, 3 in all. By stage: 5 declined, 2 not willing, 1 no answer, 1 withdrew; 9 in all.
  willingness: {
    labels: [
      'Parent or carer',
      'Young person',
      'The council',
      'The school or college',
      'The health body',
      'Social care',
      'Another party',
      'The service',
    ],
    rows: [
      [H, 0, 0, S, 0, H],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, S, S, 0, 0, S],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0, 0],
    ],
    totals: [H, S, S, S, 0, 9],
  },
  'meetings-place': { labels: ['Online', 'Warrington Town Hall'], rows: [[S], [H]], totals: [7] }, // 2 and 5
  'meetings-kind': { labels: ['In person, at a venue', 'Online'], rows: [[H], [S]], totals: [7] }, // 5 and 2
  outcomes: {
    labels: [
      'Agreed in full',
      'Agreed in part',
      'Not agreed',
      'Withdrawn',
      'Could not go ahead: a party was not willing',
      'Referred elsewhere',
    ],
    rows: [[6], [0], [S], [S], [S], [0]], // 1 not agreed, 1 withdrawn, 3 could not go ahead
    totals: [11],
  },
  'agreement-points': {
    labels: ['Kept', 'Kept late', 'Not kept', 'Still open'],
    rows: [[8], [S], [S], [6]], // 2 late, 1 not kept
    totals: [17],
  },
  'feedback-response': { labels: ['With feedback', 'Without feedback'], rows: [[H], [S]], totals: [7] }, // 5 and 2
  'feedback-satisfaction': {
    labels: ['Very satisfied', 'Satisfied', 'Neither satisfied nor dissatisfied', 'Dissatisfied', 'Very dissatisfied'],
    rows: [[6], [S], [0], [S], [0]], // 3 satisfied, 1 dissatisfied
    totals: [10],
  },
  'feedback-heard': { labels: ['Yes', 'Partly', 'No'], rows: [[H], [S], [0]], totals: [10] }, // 7 and 3
  // From the register: 8 received, 6 answered in time; 6 at informal resolution, 2 at formal
  // investigation (the 6 hidden with the 2); 1 upheld, 1 partly upheld, 5 not, 7 in all: two
  // from 1 to 4 over a 2 would both be 1, so the 5 goes, and as 1, 1 and 5 would still be the
  // only way to 7 with the 5 taken as 5 or more, the 7 goes too.
  complaints: { labels: ['Received', 'Answered within the deadline'], rows: [[8], [6]] },
  'complaints-stage': {
    labels: ['Informal resolution', 'Formal investigation', 'Review by a senior manager'],
    rows: [[H], [S], [0]],
    totals: [8],
  },
  'complaints-outcome': { labels: ['Upheld', 'Partly upheld', 'Not upheld'], rows: [[S], [S], [H]], totals: [H] },
}
export const derived: Record<string, [string, string][]> = {
  certificates: [
    ['Mediation declined: share issued within 3 working days', 'not shown'],
    ['After mediation: share issued within 3 working days', 'not shown'],
    ['Mediation could not be arranged within 30 days: share issued within 3 working days', 'nothing to work out'],
    ['The parent or young person withdrew from mediation: share issued within 3 working days', 'nothing to work out'],
    ['All certificates: share issued within 3 working days', 'not shown'],
  ],
  'mediation-held': [
    ['Share held within 30 days', 'not shown'],
    ['Median days from the council being told', '19 days'], // 19, 19, 19, 19, 19, 40, 40
  ],
  'feedback-response': [['Response rate', 'not shown']],
}
