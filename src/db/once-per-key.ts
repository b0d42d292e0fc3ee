// One-time keys for anything that adds something (a form, an API call with an Idempotency-Key): a
// doubled click or a retried request finds the first one's answer instead of adding a second row.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Db, Tx } from './client.ts'
import { formSubmissions } from './schema/index.ts'

/** A new key for a form being shown: it goes in a hidden field named submissionKey. */
export const newSubmissionKey = () => randomUUID()

/**
 * Runs `work` once per key, in one transaction with the record of it, and answers what it
 * answered (kept as JSON); a second call with the key gets the first answer and does nothing.
 * If `work` throws (a refusal, say), nothing is kept and the key can be used again.
 */
export async function oncePerKey<T>(db: Db, clock: Clock, key: string, work: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ key, outcome: '', createdAt: clock.now() })
      .onConflictDoNothing()
      .returning()
    if (!claimed.length) {
      const [first] = await tx.select().from(formSubmissions).where(eq(formSubmissions.key, key))
      return readOutcome(first!.outcome) as T
    }
    const outcome = await work(tx)
    await tx
      .update(formSubmissions)
      .set({ outcome: JSON.stringify(outcome ?? null) })
      .where(eq(formSubmissions.key, key))
    return outcome
  })
}

/** Answers kept before they were JSON were the address to go to next. */
function readOutcome(kept: string): unknown {
  try {
    return JSON.parse(kept)
  } catch {
    return kept
  }
}
