// Sending the request: it becomes a case once per one-time key, however many times the form is
// posted (a double click, the browser retrying), and each post gets what the first one made.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { RequestFacts } from '../../domain/request.ts'
import { createCase } from '../cases/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { checkCouncil } from './council.ts'
import type { Sent } from './journey.ts'

const actor = { label: 'The person asking for help' }

export async function sendRequest(db: Db, clock: Clock, facts: RequestFacts, submissionKey: string): Promise<Sent> {
  const [calendar, council] = await Promise.all([currentCalendar(db), checkCouncil(db, facts.child.postcode)])
  return oncePerKey(db, clock, submissionKey, async (tx) => {
    // createCase runs its own transaction: inside this one, a savepoint.
    const made = await createCase(tx as unknown as Db, clock, { facts, channel: 'online', actor, submissionKey })
    return {
      reference: made.reference,
      submissionKey,
      replyBy: calendar.addWorkingDays(clock.today(), 1),
      inFreeArea: council.inFreeArea,
    }
  })
}
