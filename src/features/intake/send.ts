// Sending the request: it becomes a case once per one-time key, however many times the form is
// posted (a double click, the browser retrying), and each post gets what the first one made. The
// case is under the council the journey settled on (see council.ts).
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { RequestFacts } from '../../domain/request.ts'
import { createCase } from '../cases/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { checkCouncil, councilForRequest } from './council.ts'
import type { Sent } from './journey.ts'

const actor = { label: 'The person asking for help' }

export async function sendRequest(
  db: Db,
  clock: Clock,
  request: { facts: RequestFacts; council: string | undefined },
  submissionKey: string,
): Promise<Sent> {
  const [calendar, check, council] = await Promise.all([
    currentCalendar(db),
    checkCouncil(db, request.council),
    councilForRequest(db, request.council),
  ])
  return oncePerKey(db, clock, submissionKey, async (tx) => {
    // createCase runs its own transaction: inside this one, a savepoint.
    const made = await createCase(tx as unknown as Db, clock, {
      facts: request.facts,
      channel: 'online',
      localAuthorityId: council.id,
      ...(council.inArea ? {} : { outsideCouncilAreas: true }),
      actor,
      submissionKey,
    })
    return {
      reference: made.reference,
      submissionKey,
      replyBy: calendar.addWorkingDays(clock.today(), 1),
      inFreeArea: check.inFreeArea,
      ...(council.inArea ? { councilId: council.id } : {}),
    }
  })
}
