// What a report table is (its rows, totals, shares and medians, and the rule for which date it
// counts by), the words for what it counts, and the figures that two tables share.
import type { Position } from './report-suppression.ts'

export const SECTIONS = {
  enquiries: 'Enquiries',
  statutory: 'The statutory side',
  willingness: 'Willingness to take part',
  meetings: 'Meetings held',
  outcomes: 'Outcomes',
  feedback: 'Feedback',
  complaints: 'Complaints',
  sessions: 'Information sessions',
} as const
export type SectionId = keyof typeof SECTIONS

/** A share (a percentage) of two figures, shown only when they and `also` are all shown. */
export interface ShareSpec {
  kind: 'share'
  label: string
  part: Position
  whole: Position
  also: Position[]
}
/** A median number of days, shown only when the count it is over is shown. */
export interface MedianSpec {
  kind: 'median'
  label: string
  days: Record<string, number>
  count: Position
}

export interface TableSpec {
  id: string
  section: SectionId
  title: string
  /** Which date puts a figure in the period, in plain words (also the page's help text). */
  rule: string
  rowHeading: string
  columns: string[]
  rows: { key: string; label: string; counts: number[] }[]
  rowTotals: boolean
  columnTotals: boolean
  derived: (ShareSpec | MedianSpec)[]
}

export type Labels = Record<string, string>

export const certificateKindLabels: Labels = {
  declined: 'Mediation declined',
  'after-mediation': 'After mediation',
  'cannot-arrange': 'Mediation could not be arranged within 30 days',
  'change-of-mind': 'The parent or young person withdrew from mediation',
}

export const declinerLabels: Labels = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  'local-authority': 'The council',
  school: 'The school or college',
  health: 'The health body',
  'social-care': 'Social care',
  'other-party': 'Another party',
  service: 'The service',
}

export const declineStageLabels: Labels = {
  offered: 'Declined SEN mediation',
  asked: 'Not willing when asked',
  'no-answer': 'Did not answer when asked',
  'withdrew-before': 'Withdrew before the meeting',
  'withdrew-after': 'Withdrew after the meeting',
}

export const complaintStageLabels: Labels = {
  informal: 'Informal resolution',
  formal: 'Formal investigation',
  review: 'Review by a senior manager',
}

/** A figure of a table, by the table's id and a row's key (or the total). */
export type FigureRef = { table: string; row: string } | { table: string; total: true }

/**
 * Figures that are the same number in two tables, by what they count: one hidden in a table is
 * hidden in the others too, so that no table gives away what another hides.
 */
export const SAME_FIGURES: FigureRef[][] = [
  [
    { table: 'enquiries-channel', total: true },
    { table: 'enquiries-asker', total: true },
    { table: 'enquiries-became', total: true },
  ],
  [
    { table: 'enquiries-channel', row: 'referral' },
    { table: 'enquiries-asker', row: 'professional' },
  ],
  [
    { table: 'enquiries-became', row: 'out-of-scope' },
    { table: 'enquiries-signposted', total: true },
  ],
  [
    { table: 'meetings-place', total: true },
    { table: 'meetings-kind', total: true },
    { table: 'feedback-response', total: true },
  ],
  [
    { table: 'meetings-place', row: 'Online' },
    { table: 'meetings-kind', row: 'online' },
  ],
  [
    { table: 'complaints', row: 'received' },
    { table: 'complaints-stage', total: true },
  ],
]
