// Mediation must take place within 30 days of the parent or young person asking for it.
import { addDays, formatLongDate as fmt } from '../dates.ts'
import { STOPPED_BY, type Clock } from './deadline.ts'
import { ref } from './events.ts'
import { isHealthOnly } from './health-body.ts'

export const mediationHeldClock: Clock = (history) => {
  const request = history.first(['mediation-requested'])
  if (!request) return undefined
  const healthOnly = isHealthOnly(request)
  // For health-only mediation the 30 days run from when the health body is told.
  const start = healthOnly ? history.first(['health-body-notified'], request.date) : request
  if (!start) return undefined
  return {
    name: 'mediation-held',
    dueDate: addDays(start.date, 30),
    startedBy: ref(start),
    rule: healthOnly
      ? `Mediation must take place within 30 days of the health body (ICB) being told the parent or young person wants it (told ${fmt(start.date)}).`
      : `Mediation must take place within 30 days of the local authority being told the parent or young person wants it (told ${fmt(start.date)}).`,
    source: 'IPSEA; DfE written answer PQ 3735 (2022)',
    metBy: ['mediation-concluded'],
    stoppedBy: STOPPED_BY,
  }
}
