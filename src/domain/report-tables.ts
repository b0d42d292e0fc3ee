// The report's tables, from a tally: their headings, their rows, and the rule for which date each
// counts by (each figure counts by its own date: enquiries by the day they came, certificates by
// the day issued, meetings by their day, outcomes by the day recorded, and so on). Shares and
// medians are worked out later, only from figures that are shown (report-safe.ts).
import { audienceLabels } from './info-sessions.ts'
import type { Tally } from './report-facts.ts'
import {
  certificateKindLabels,
  complaintStageLabels,
  declineStageLabels,
  declinerLabels,
  type Labels,
  type TableSpec,
} from './report-table-spec.ts'

const n = (counts: Record<string, number>, key: string) => counts[key] ?? 0

function simple(
  spec: Omit<TableSpec, 'rows' | 'rowTotals' | 'columnTotals' | 'derived' | 'columns'> & {
    column: string
    labels: Labels
    counts: Record<string, number>
    derived?: TableSpec['derived']
    totals?: boolean
  },
): TableSpec {
  const { column, labels, counts, derived, totals, ...rest } = spec
  return {
    ...rest,
    columns: [column],
    rows: Object.entries(labels).map(([key, label]) => ({ key, label, counts: [n(counts, key)] })),
    rowTotals: false,
    columnTotals: totals ?? true,
    derived: derived ?? [],
  }
}

/** Rows named by what was counted (venues, agencies), in alphabetical order; '' reads as `blank`. */
const named = (counts: Record<string, number>, blank: string): Labels =>
  Object.fromEntries(
    Object.keys(counts)
      .sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a.localeCompare(b, 'en-GB')))
      .map((key) => [key, key || blank]),
  )

const enquiryRule = 'Enquiries received in the period, by the day the person got in touch.'
const meetingRule =
  'Meetings held in the period, by the day of the meeting: a meeting booked and not cancelled, on a case that records the meeting as held.'

/** Every table of the report, in the order of the page. */
export function reportTables(t: Tally): TableSpec[] {
  const heldWithin = Object.entries(t.heldDays).reduce((s, [d, c]) => s + (Number(d) <= 30 ? c : 0), 0)
  const heldLater = Object.entries(t.heldDays).reduce((s, [d, c]) => s + (Number(d) > 30 ? c : 0), 0)
  const kinds = Object.keys(certificateKindLabels)
  const stages = { ...complaintStageLabels, ...named(t.complaints.byStage, 'Stage not recorded') }
  for (const key of Object.keys(complaintStageLabels)) stages[key] = complaintStageLabels[key]!
  return [
    simple({
      id: 'enquiries-channel',
      section: 'enquiries',
      title: 'How enquiries came',
      rule: `${enquiryRule} A professional asking with the family's permission is a referral, however they got in touch.`,
      rowHeading: 'How they came',
      column: 'Enquiries',
      labels: {
        web: 'Online (the web form)',
        phone: 'Phone',
        email: 'Email',
        referral: "Referral: a professional asking with the family's permission",
      },
      counts: t.channel,
    }),
    simple({
      id: 'enquiries-asker',
      section: 'enquiries',
      title: 'Who asked',
      rule: enquiryRule,
      rowHeading: 'Who asked',
      column: 'Enquiries',
      labels: { parent: 'Parent or carer', 'young-person': 'Young person', professional: 'Professional' },
      counts: t.asker,
    }),
    simple({
      id: 'enquiries-became',
      section: 'enquiries',
      title: 'What enquiries became',
      rule: `${enquiryRule} What each became as it stands today.`,
      rowHeading: 'What it became',
      column: 'Enquiries',
      labels: {
        'sen-mediation': 'SEN mediation',
        'disagreement-resolution': 'Disagreement resolution',
        both: 'Both SEN mediation and disagreement resolution',
        'out-of-scope': 'Signposted to another service',
        undecided: 'Not decided yet',
      },
      counts: t.became,
    }),
    simple({
      id: 'enquiries-signposted',
      section: 'enquiries',
      title: 'Where enquiries were signposted',
      rule: `${enquiryRule} Where each enquiry outside the service was signposted to.`,
      rowHeading: 'Signposted to',
      column: 'Enquiries',
      labels: named(t.signposted, 'Not recorded'),
      counts: t.signposted,
    }),
    {
      id: 'certificates',
      section: 'statutory',
      title: 'Mediation certificates, and how many were issued within 3 working days',
      rule: 'Certificates issued in the period, by the day each was issued. Within 3 working days of the event that called for it (the parent or young person declining or withdrawing, the mediation ending, or the council saying it cannot arrange mediation within 30 days), counting working days as the statutory clocks do.',
      rowHeading: 'Kind of certificate',
      columns: ['Within 3 working days', 'Later'],
      rows: kinds.map((key) => ({
        key,
        label: certificateKindLabels[key]!,
        counts: [n(t.certificates, `${key}|within`), n(t.certificates, `${key}|later`)],
      })),
      rowTotals: true,
      columnTotals: true,
      derived: [
        ...kinds.map((key, r) => ({
          kind: 'share' as const,
          label: `${certificateKindLabels[key]}: share issued within 3 working days`,
          part: { cell: [r, 0] as [number, number] },
          whole: { rowTotal: r },
          also: [{ cell: [r, 1] as [number, number] }],
        })),
        {
          kind: 'share',
          label: 'All certificates: share issued within 3 working days',
          part: { columnTotal: 0 },
          whole: { grandTotal: true },
          also: [{ columnTotal: 1 }],
        },
      ],
    },
    simple({
      id: 'mediation-held',
      section: 'statutory',
      title: 'SEN mediations held within 30 days of the council being told',
      rule: 'SEN mediation meetings held in the period, by the day of the meeting. Days are counted from the day the council was told the parent or young person wanted mediation (for mediation about health only, the day the health body was told).',
      rowHeading: 'When held',
      column: 'Mediations',
      labels: { within: 'Within 30 days', later: 'After more than 30 days' },
      counts: { within: heldWithin, later: heldLater },
      derived: [
        {
          kind: 'share',
          label: 'Share held within 30 days',
          part: { cell: [0, 0] },
          whole: { columnTotal: 0 },
          also: [{ cell: [1, 0] }],
        },
        {
          kind: 'median',
          label: 'Median days from the council being told',
          days: t.heldDays,
          count: { columnTotal: 0 },
        },
      ],
    }),
    simple({
      id: 'appeals',
      section: 'statutory',
      title: 'Appeals known to have followed',
      rule: "Appeals to the SEND Tribunal recorded on a case's statutory dates as made in the period, by the day the appeal was made. Only appeals we were told of.",
      rowHeading: 'Appeals',
      column: 'Appeals',
      labels: { appeals: 'Appeals made to the SEND Tribunal' },
      counts: { appeals: t.appeals },
      totals: false,
    }),
    {
      id: 'willingness',
      section: 'willingness',
      title: 'Who said no, and at which stage',
      rule: 'By the day each happened: the parent or young person declining SEN mediation, a party answering that it is not willing (or not answering), or someone withdrawing the case.',
      rowHeading: 'Who',
      columns: Object.values(declineStageLabels),
      rows: Object.entries(declinerLabels).map(([who, label]) => ({
        key: who,
        label,
        counts: Object.keys(declineStageLabels).map((stage) => n(t.declines, `${who}|${stage}`)),
      })),
      rowTotals: true,
      columnTotals: true,
      derived: [],
    },
    simple({
      id: 'meetings-place',
      section: 'meetings',
      title: 'Meetings held, by place',
      rule: meetingRule,
      rowHeading: 'Place',
      column: 'Meetings',
      labels: named(t.places, 'Place not recorded'),
      counts: t.places,
    }),
    simple({
      id: 'meetings-kind',
      section: 'meetings',
      title: 'Meetings held in person or online',
      rule: meetingRule,
      rowHeading: 'Kind of meeting',
      column: 'Meetings',
      labels: { 'in-person': 'In person, at a venue', online: 'Online' },
      counts: t.meetingKind,
    }),
    simple({
      id: 'outcomes',
      section: 'outcomes',
      title: 'How cases ended',
      rule: 'Cases whose outcome was recorded in the period, by the day it was recorded.',
      rowHeading: 'Outcome',
      column: 'Cases',
      labels: {
        'full-agreement': 'Agreed in full',
        'partial-agreement': 'Agreed in part',
        'no-agreement': 'Not agreed',
        withdrawn: 'Withdrawn',
        'could-not-proceed': 'Could not go ahead: a party was not willing',
        referred: 'Referred elsewhere',
      },
      counts: t.outcomes,
    }),
    simple({
      id: 'agreement-points',
      section: 'outcomes',
      title: 'What became of the points agreed',
      rule: "Points of final agreements that fell due in the period, by each point's due date (a point with no date, by the day its agreement was made final), as last followed up.",
      rowHeading: 'Point',
      column: 'Points',
      labels: { kept: 'Kept', late: 'Kept late', 'not-kept': 'Not kept', open: 'Still open' },
      counts: t.points,
    }),
    simple({
      id: 'feedback-response',
      section: 'feedback',
      title: 'Feedback after meetings (the response rate)',
      rule: `${meetingRule} With feedback: someone at the meeting sent the feedback form, whenever they did.`,
      rowHeading: 'Meetings',
      column: 'Meetings',
      labels: { with: 'With feedback', without: 'Without feedback' },
      counts: t.response,
      derived: [
        {
          kind: 'share',
          label: 'Response rate',
          part: { cell: [0, 0] },
          whole: { columnTotal: 0 },
          also: [{ cell: [1, 0] }],
        },
      ],
    }),
    simple({
      id: 'feedback-satisfaction',
      section: 'feedback',
      title: 'Overall, how do you feel about the service you got?',
      rule: 'Feedback forms sent in the period, by the day each was sent.',
      rowHeading: 'Answer',
      column: 'Answers',
      labels: {
        'very-satisfied': 'Very satisfied',
        satisfied: 'Satisfied',
        neither: 'Neither satisfied nor dissatisfied',
        dissatisfied: 'Dissatisfied',
        'very-dissatisfied': 'Very dissatisfied',
      },
      counts: t.satisfaction,
    }),
    simple({
      id: 'feedback-heard',
      section: 'feedback',
      title: 'Did you feel listened to?',
      rule: 'Feedback forms sent in the period, by the day each was sent.',
      rowHeading: 'Answer',
      column: 'Answers',
      labels: { yes: 'Yes', partly: 'Partly', no: 'No' },
      counts: t.heard,
    }),
    simple({
      id: 'complaints',
      section: 'complaints',
      title: 'Complaints received and answered in time',
      rule: 'Complaints received in the period, by the day each was received; answered within the deadline: every stage it went through was answered by its own deadline.',
      rowHeading: 'Complaints',
      column: 'Complaints',
      labels: { received: 'Received', answered: 'Answered within the deadline' },
      counts: { received: t.complaints.received, answered: t.complaints.answeredInTime },
      totals: false,
    }),
    simple({
      id: 'complaints-stage',
      section: 'complaints',
      title: 'Complaints by stage',
      rule: 'Complaints received in the period, by the day each was received, at the stage each has reached.',
      rowHeading: 'Stage',
      column: 'Complaints',
      labels: stages,
      counts: t.complaints.byStage,
    }),
    simple({
      id: 'complaints-outcome',
      section: 'complaints',
      title: 'Complaints upheld',
      rule: 'Complaints received in the period, by the day each was received, that have an outcome.',
      rowHeading: 'Outcome',
      column: 'Complaints',
      labels: { upheld: 'Upheld', 'partly-upheld': 'Partly upheld', 'not-upheld': 'Not upheld' },
      counts: {
        upheld: t.complaints.upheld,
        'partly-upheld': t.complaints.partlyUpheld,
        'not-upheld': t.complaints.notUpheld,
      },
    }),
    {
      id: 'sessions',
      section: 'sessions',
      title: 'Information sessions held, places booked and people who came',
      rule: 'Information sessions held in the period (not cancelled), by the day of the session, with the places booked on them and the people staff recorded as coming.',
      rowHeading: 'Who the sessions were for',
      columns: ['Sessions held', 'Places booked', 'People who came'],
      rows: Object.entries(audienceLabels).map(([key, label]) => ({
        key,
        label,
        counts: ['held', 'booked', 'attended'].map((c) => n(t.sessions, `${key}|${c}`)),
      })),
      rowTotals: false,
      columnTotals: true,
      derived: [],
    },
  ]
}
