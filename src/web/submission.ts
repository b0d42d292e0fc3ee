// One-time keys for forms that add something (a contact, an issue, an entry in a log): a doubled
// click or a retried POST finds the first one's outcome instead of adding a second row.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Db, Tx } from '../db/client.ts'
import { formSubmissions } from '../db/schema/index.ts'

/** A new key for a form being shown: put it in a hidden field named submissionKey. */
export const newSubmissionKey = () => randomUUID()

/**
 * Runs `work` once per key, in one transaction with the record of it; returns where to send the
 * person (work's answer, or the first submission's when this key was used before).
 */
export async function oncePerSubmission(
  db: Db,
  clock: Clock,
  key: string,
  work: (tx: Tx) => Promise<string>,
): Promise<string> {
  return db.transaction(async (tx) => {
    const claimed = await tx
      .insert(formSubmissions)
      .values({ key, outcome: '', createdAt: clock.now() })
      .onConflictDoNothing()
      .returning()
    if (!claimed.length) {
      const [first] = await tx.select().from(formSubmissions).where(eq(formSubmissions.key, key))
      return first!.outcome
    }
    const outcome = await work(tx)
    await tx.update(formSubmissions).set({ outcome }).where(eq(formSubmissions.key, key))
    return outcome
  })
}

/**
 * The form's submissionKey makes `work` run once (the form has
 * `<input type="hidden" name="submissionKey" value="{{ submissionKey() }}">`);
 * a form without one simply runs it in a transaction.
 */
export function submitOnce(db: Db, clock: Clock, body: unknown, work: (tx: Tx) => Promise<string>): Promise<string> {
  const key = (body as { submissionKey?: unknown } | undefined)?.submissionKey
  return typeof key === 'string' && /^[0-9a-f-]{36}$/.test(key)
    ? oncePerSubmission(db, clock, key, work)
    : db.transaction(work)
}
