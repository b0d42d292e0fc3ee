// The rule the workflow applies before a meeting is arranged: every party (not whoever asked for
// the family) has been contacted at least once. Used inside the workflow's transaction.
import type { Db, Tx } from '../../db/client.ts'
import { partiesNotContacted } from './repository.ts'
import { notContactedReason } from './rules.ts'

/** Why a meeting cannot be arranged yet, or undefined when everyone has been contacted. */
export async function meetingContactRefusal(db: Db | Tx, caseId: string): Promise<string | undefined> {
  return notContactedReason(await partiesNotContacted(db, caseId))
}
