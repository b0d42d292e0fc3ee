// An enquiry logged by staff becomes a case, once per one-time key: a doubled or retried submit
// finds the case the first one made.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { Result } from '../../domain/result.ts'
import { createCase, type Actor } from '../cases/index.ts'
import type { Enquiry } from './new/schema.ts'

export async function logEnquiry(
  db: Db,
  clock: Clock,
  enquiry: Enquiry,
  actor: Actor,
): Promise<Result<{ id: string }>> {
  const { facts, channel, contactedOn, firstContact, submissionKey } = enquiry
  const { id } = await oncePerKey(db, clock, submissionKey, async (tx) => {
    // createCase runs its own transaction: inside this one, a savepoint.
    const made = await createCase(tx as unknown as Db, clock, {
      facts,
      channel,
      contactedOn,
      firstContact,
      submissionKey,
      actor,
    })
    return { id: made.id }
  })
  return { ok: true, id }
}
