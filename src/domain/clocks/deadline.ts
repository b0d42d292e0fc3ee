// What a clock gives: a deadline, first as a draft (what meets it, what stops it), then settled
// against the history into its status.
import type { Calendar } from '../calendar.ts'
import type { IsoDate } from '../dates.ts'
import type { CaseEventType, EventRef, History } from './events.ts'

export type DeadlineName =
  'adviser-contact' | 'certificate' | 'health-body-notice' | 'mediation-held' | 'meeting-notice' | 'appeal'

/**
 * open: not met, not yet past (or no "today" given). overdue: past and not met. met / met-late:
 * the meeting event happened on or before / after the due date. stopped: no longer needed because
 * the parent or young person withdrew or the authority said it cannot arrange mediation.
 */
export type DeadlineStatus = 'open' | 'overdue' | 'met' | 'met-late' | 'stopped'

/**
 * How the SEN appeal exclusion (25 Dec-1 Jan and August) applies. move-out: a deadline falling in
 * them moves to the next working day after them (IPSEA's reading; the default). skip-days: the
 * excluded days are not counted, so the period is extended past them. none: no exclusion.
 */
export type AppealExclusion = 'move-out' | 'skip-days' | 'none'

export interface Deadline {
  name: DeadlineName
  dueDate: IsoDate
  startedBy: EventRef
  /** Plain English, with the dates the deadline was worked out from. */
  rule: string
  source: string
  status: DeadlineStatus
  metOn?: IsoDate
  stoppedBy?: EventRef
  /** The due date is past the published bank holidays (a provisional year), so it may change when they are published. */
  beyondCalendar?: true
}

export interface ClockOptions {
  calendar: Calendar
  appealExclusion?: AppealExclusion
  /** Only needed to tell "open" from "overdue". */
  today?: IsoDate
}

export interface Draft {
  name: DeadlineName
  dueDate: IsoDate
  startedBy: EventRef
  rule: string
  /**
   * As rules.md gives it, plainly: where rules.md flags a regulation's number as unverified, the
   * administrators' settings help says so (admin/settings/view.njk), not the case workers' pages.
   */
  source: string
  metBy: readonly CaseEventType[]
  stoppedBy: readonly CaseEventType[]
}

/** One statutory clock: the deadline a case's history starts, if any. */
export type Clock = (
  history: History,
  context: { calendar: Calendar; appealExclusion: AppealExclusion },
) => Draft | undefined

/** What stops the clocks that run towards the meeting. */
export const STOPPED_BY: readonly CaseEventType[] = ['withdrawn', 'cannot-arrange']

export function beyondCalendar(dueDate: IsoDate, calendar: Calendar): { beyondCalendar?: true } {
  return calendar.isProvisional(dueDate) ? { beyondCalendar: true } : {}
}
