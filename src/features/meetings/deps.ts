import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'

/** What every meetings service is made from. */
export interface MeetingDeps {
  db: Db
  clock: Clock
}

/**
 * A change that is not a create, in one transaction: once per key when the form carried one (a
 * doubled click then lands where the first did, rather than on "someone else changed it").
 */
export function onceIfKeyed<T>(
  { db, clock }: MeetingDeps,
  submissionKey: string | undefined,
  work: (tx: Tx) => Promise<T>,
): Promise<T> {
  return submissionKey ? oncePerKey(db, clock, submissionKey, work) : db.transaction(work)
}
