// Who may see which case: the one place to change who sees what. `canSeeCase` answers for one
// case; `visibleCases` is the same rule as a query condition for lists (canSeeCase runs it, so the
// two cannot drift apart; access.test.ts checks them anyway).
//
// Coordinators, managers and administrators see every case. A mediator sees a case while they
// hold its allocation: an allocations row, not ended, for the mediator whose staff account is theirs.
import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases } from '../../db/schema/index.ts'
import { hasRole, type Role, type StaffUser } from '../../domain/staff.ts'
import { caseMeeting } from './repository.ts'

/**
 * The roles that see every case and move cases along (decide scope, record steps, allocate, take
 * a case on, release summaries): everyone but mediators.
 */
export const caseWorkers: readonly Role[] = ['coordinator', 'manager', 'administrator']

export async function canSeeCase(db: Db, user: StaffUser, caseRow: { id: string }): Promise<boolean> {
  if (hasRole(user, ...caseWorkers)) return true
  if (!hasRole(user, 'mediator')) return false
  return (await caseMeeting(db, caseRow.id, visibleCases(user))) !== undefined
}

/** A condition on `cases` for the cases this person may see in a list. */
export function visibleCases(user: StaffUser): SQL {
  if (hasRole(user, ...caseWorkers)) return sql`true`
  if (!hasRole(user, 'mediator')) return sql`false`
  return sql`exists (select 1 from allocations a join mediators m on m.id = a.mediator_id
    where a.case_id = ${cases.id} and a.ended_at is null and m.user_id = ${user.id})`
}
