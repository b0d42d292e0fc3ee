// Queries of who may use the portal: a party and their case, the parties an address belongs to,
// and whether a family's permission for someone acting for them stands.
import { and, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { caseParties, cases, partyPermissions } from '../../db/schema/index.ts'

/** A stored phone number as digits, +44 written as 0 (as normalisePhone does), for comparing. */
const phoneDigitsSql = sql`regexp_replace(regexp_replace(coalesce(${caseParties.phone}, ''), '[^0-9+]', '', 'g'), '^(\\+44|0044)', '0')`

/** Whether someone acting for the family (role 'referrer') holds a permission that stands. */
export async function permissionStands(db: Db | Tx, partyId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: partyPermissions.id })
    .from(partyPermissions)
    .where(and(eq(partyPermissions.partyId, partyId), isNull(partyPermissions.withdrawnAt)))
    .limit(1)
  return !!row
}

/** The party with their case's reference and child. */
export async function partyWithCase(db: Db, partyId: string) {
  const [row] = await db
    .select({ party: caseParties, reference: cases.reference, childName: cases.childName })
    .from(caseParties)
    .innerJoin(cases, eq(cases.id, caseParties.caseId))
    .where(eq(caseParties.id, partyId))
  return row
}

export async function partyRow(db: Db | Tx, partyId: string) {
  const [row] = await db.select().from(caseParties).where(eq(caseParties.id, partyId))
  return row
}

/**
 * Parties whose email (a lower-case address) or phone (digits) looks like this one, newest case
 * first: the caller checks each exactly.
 */
export function partiesLike(db: Db | Tx, address: string) {
  const where = address.includes('@')
    ? sql`lower(trim(${caseParties.email})) = ${address}`
    : sql`${phoneDigitsSql} = ${address}`
  return db.select().from(caseParties).where(where).orderBy(desc(caseParties.createdAt), desc(caseParties.id))
}
