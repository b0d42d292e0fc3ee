// "What if": the statutory deadlines from a list of events, storing nothing. The API's
// POST /api/v1/deadlines and the public "Work out your dates" page both use this.
import type { Db } from '../../db/client.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { computeDeadlines, type CaseEvent, type Deadline } from '../../domain/clocks.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'

export interface WhatIfEvent {
  type: string
  date: string
  data?: Record<string, unknown>
}

/**
 * A withdrawal in a what-if has no case behind it: when the parent or young person withdraws (or
 * nobody is named), it is read as their change of mind, which calls for a certificate.
 */
function clockEvent(event: WhatIfEvent): CaseEvent {
  const data = { ...event.data }
  if (event.type === 'withdrawn')
    data.certificateDue = data.by === undefined || data.by === 'parent' || data.by === 'young-person'
  return { type: event.type, date: event.date, data }
}

export async function workOutDeadlines(
  db: Db,
  events: readonly WhatIfEvent[],
  today: string,
): Promise<{ deadlines: Deadline[]; calendar: Calendar }> {
  const [calendar, settings] = await Promise.all([currentCalendar(db), readSettings(db)])
  return {
    deadlines: computeDeadlines(events.map(clockEvent), { calendar, appealExclusion: settings.appealExclusion, today }),
    calendar,
  }
}
