// When mediation is to cover health, the local authority must tell the health body (ICB).
import { formatLongDate as fmt } from '../dates.ts'
import { STOPPED_BY, type Clock } from './deadline.ts'
import { ref, type KnownEvent } from './events.ts'

/** Health-only mediation: the health body, not the local authority, arranges it. */
export const isHealthOnly = (request: KnownEvent) => request.data.healthOnly === true

export const healthBodyNoticeClock: Clock = (history, { calendar }) => {
  const request = history.first(['mediation-requested'])
  if (!request || !(isHealthOnly(request) || request.data.healthInIssue === true)) return undefined
  return {
    name: 'health-body-notice',
    dueDate: calendar.addWorkingDays(request.date, 3),
    startedBy: ref(request),
    rule: `The local authority must tell the health body (ICB) within 3 working days of hearing that the parent or young person wants mediation about health (told ${fmt(request.date)}).`,
    source: 'SEND Regulations 2014, as IPSEA explains it',
    metBy: ['health-body-notified'],
    stoppedBy: STOPPED_BY.filter((type) => type !== 'cannot-arrange'),
  }
}
