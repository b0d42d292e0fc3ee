// Every change to a case appends an event in the same transaction (architecture: events are the record).
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { requestIp } from '../../request-origin.ts'
import { insertEvent } from './repository.ts'

/** An event's data is a JSON object, whatever its type. */
const eventData = z.record(z.string(), z.unknown())

export interface Actor {
  userId?: string
  /** Who did it, as the timeline shows it: a staff name, "The person asking for help", "API". */
  label: string
}

export async function appendEvent(
  tx: Tx,
  clock: Clock,
  event: { caseId: string; type: string; actor: Actor; occurredOn?: string; data?: Record<string, unknown> },
) {
  return insertEvent(tx, {
    caseId: event.caseId,
    type: event.type,
    occurredOn: event.occurredOn ?? clock.today(),
    recordedAt: clock.now(),
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    data: eventData.parse(event.data ?? {}),
    ip: requestIp(),
  })
}
