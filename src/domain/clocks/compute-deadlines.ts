// computeDeadlines: every clock over a case's history, each deadline settled (met, stopped,
// overdue or open) and the list ordered by due date. Callers pass "today"; nothing here reads the
// system clock.
import type { Calendar } from '../calendar.ts'
import { compare, parseIsoDate, type IsoDate } from '../dates.ts'
import { adviserContactClock } from './adviser-contact.ts'
import { appealClock } from './appeal.ts'
import { certificateClock } from './certificate.ts'
import {
  beyondCalendar,
  type ClockOptions,
  type Clock,
  type Deadline,
  type DeadlineStatus,
  type Draft,
} from './deadline.ts'
import { historyOf, ref, type CaseEvent, type History } from './events.ts'
import { healthBodyNoticeClock } from './health-body.ts'
import { mediationHeldClock } from './mediation-held.ts'
import { meetingNoticeClock } from './meeting-notice.ts'

/** Every clock, in the order their deadlines are listed when two fall on the same day. */
const CLOCKS: readonly Clock[] = [
  adviserContactClock,
  certificateClock,
  healthBodyNoticeClock,
  mediationHeldClock,
  meetingNoticeClock,
  appealClock,
]

/** Every deadline the events start, ordered by due date. Throws RangeError on an event with a malformed date. */
export function computeDeadlines(events: readonly CaseEvent[], options: ClockOptions): Deadline[] {
  const { calendar, appealExclusion = 'move-out', today } = options
  if (today !== undefined) parseIsoDate(today)
  const history = historyOf(events)
  const drafts = CLOCKS.flatMap((clock) => clock(history, { calendar, appealExclusion }) ?? [])
  return drafts.map((draft) => settle(draft, history, calendar, today)).sort((a, b) => compare(a.dueDate, b.dueDate))
}

function settle(draft: Draft, history: History, calendar: Calendar, today: IsoDate | undefined): Deadline {
  const { metBy, stoppedBy, ...rest } = draft
  const met = history.first(metBy, draft.startedBy.date)
  const stop = met ? undefined : history.first(stoppedBy, draft.startedBy.date)
  const status: DeadlineStatus = met
    ? compare(met.date, draft.dueDate) <= 0
      ? 'met'
      : 'met-late'
    : stop
      ? 'stopped'
      : today !== undefined && compare(today, draft.dueDate) > 0
        ? 'overdue'
        : 'open'
  return {
    ...rest,
    status,
    ...(met ? { metOn: met.date } : {}),
    ...(stop ? { stoppedBy: ref(stop) } : {}),
    ...beyondCalendar(draft.dueDate, calendar),
  }
}
