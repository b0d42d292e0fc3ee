// One-time keys for forms that add something (a contact, an issue, an entry in a log): a doubled
// click or a retried POST finds the first one's outcome instead of adding a second row.
import type { Clock } from '../clock.ts'
import type { Db, Tx } from '../db/client.ts'
import { newSubmissionKey, oncePerKey } from '../db/once-per-key.ts'

export { newSubmissionKey }

/**
 * Runs `work` once per key, in one transaction with the record of it; returns where to send the
 * person (work's answer, or the first submission's when this key was used before).
 */
export const oncePerSubmission = (db: Db, clock: Clock, key: string, work: (tx: Tx) => Promise<string>) =>
  oncePerKey(db, clock, key, work)

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
