// Who may see which case: the one place to change when mediators are allocated to cases.
// `canSeeCase` answers for one case; `visibleCases` is the same rule as a query condition for
// lists. Keep the two in step (access.test.ts checks that they agree).
import { sql, type SQL } from 'drizzle-orm'
import type { Role } from '../../db/schema/index.ts'
import { hasRole, type StaffUser } from '../../web/auth.ts'

/** The roles that see every case. Mediators see none until allocation is built. */
const seeAllCases: Role[] = ['coordinator', 'manager', 'administrator']

export function canSeeCase(user: StaffUser, _caseRow: { id: string }): boolean {
  return hasRole(user, ...seeAllCases)
}

/** A condition on `cases` for the cases this person may see in a list. */
export function visibleCases(user: StaffUser): SQL {
  return hasRole(user, ...seeAllCases) ? sql`true` : sql`false`
}

/** The roles that decide a case's scope. */
export const scopeDeciders: Role[] = ['coordinator', 'manager', 'administrator']
