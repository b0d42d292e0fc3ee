// Every step of a complaint appends an event to complaint_events in the same transaction: the
// register's own record, whether or not there is a case (a complaint's details stay out of the
// case's timeline, which mediators read).
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import type { ComplaintEventData } from '../../db/schema/index.ts'
import { insertComplaintEvent } from './repository.ts'

const eventData: z.ZodType<ComplaintEventData> = z.record(
  z.string(),
  z.union([z.string(), z.number(), z.boolean(), z.null()]),
)

export interface ComplaintActor {
  userId?: string
  label: string
}

export async function appendComplaintEvent(
  tx: Tx,
  clock: Clock,
  event: { complaintId: string; type: string; actor: ComplaintActor; occurredOn?: string; data?: ComplaintEventData },
) {
  await insertComplaintEvent(tx, {
    complaintId: event.complaintId,
    type: event.type,
    occurredOn: event.occurredOn ?? clock.today(),
    recordedAt: clock.now(),
    actorUserId: event.actor.userId,
    actorLabel: event.actor.label,
    data: eventData.parse(event.data ?? {}),
  })
}
