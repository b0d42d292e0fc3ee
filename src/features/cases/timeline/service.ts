// The timeline of one case: everything that happened to it, newest first, each event in words.
import type { Db } from '../../../db/client.ts'
import { eventsOf } from '../repository.ts'
import { describeEvent } from '../timeline.ts'

export async function timelinePage(db: Db, caseId: string) {
  const events = await eventsOf(db, caseId)
  return {
    events: events.map((e) => ({
      ...describeEvent(e.type, e.data),
      by: e.actorLabel,
      occurredOn: e.occurredOn,
      recordedAt: e.recordedAt,
    })),
  }
}
