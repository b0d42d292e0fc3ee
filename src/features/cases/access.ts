// Who may see which case: the one place to change who sees what. `canSeeCase` answers for one
// case; `visibleCases` is the same rule as a query condition for lists (canSeeCase runs it, so the
// two cannot drift apart; access.test.ts checks them anyway).
//
// Administrators see every case. Coordinators and managers see the cases of the councils they work
// for (StaffUser.councils). A mediator sees a case while they hold its allocation (an allocations
// row, not ended, for the mediator whose staff account is theirs), whatever its council. Someone
// with both kinds of role sees both. A commissioner sees no case at all, only figures.
import { inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases } from '../../db/schema/index.ts'
import { hasRole, type Role, type StaffUser } from '../../domain/staff.ts'
import { caseMeeting } from './repository.ts'

/**
 * The roles that move cases along (decide scope, record steps, allocate, take a case on, release
 * summaries): everyone but mediators. Each sees the cases of their councils.
 */
export const caseWorkers: readonly Role[] = ['coordinator', 'manager', 'administrator']

export async function canSeeCase(db: Db, user: StaffUser, caseRow: { id: string }): Promise<boolean> {
  if (hasRole(user, ...caseWorkers) && user.councils === 'all') return true
  return (await caseMeeting(db, caseRow.id, visibleCases(user))) !== undefined
}

/** A condition on `cases` for the cases this person may see, for every list, search and count. */
export function visibleCases(user: StaffUser): SQL {
  const seen: SQL[] = []
  if (hasRole(user, ...caseWorkers)) {
    if (user.councils === 'all') return sql`true`
    if (user.councils.length) seen.push(inArray(cases.localAuthorityId, [...user.councils]))
  }
  if (hasRole(user, 'mediator')) {
    seen.push(sql`exists (select 1 from allocations a join mediators m on m.id = a.mediator_id
      where a.case_id = ${cases.id} and a.ended_at is null and m.user_id = ${user.id})`)
  }
  if (!seen.length) return sql`false`
  return seen.length === 1 ? seen[0]! : or(...seen)!
}
