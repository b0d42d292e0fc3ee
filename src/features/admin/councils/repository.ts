// The councils as administrators read and change them: each council's settings and its
// signposting list (council_agencies).
import { and, arrayOverlaps, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.ts'
import { agencies, councilAgencies, localAuthorities, userCouncils } from '../../../db/schema/index.ts'

type Queryable = Db | Tx

export type CouncilRow = typeof localAuthorities.$inferSelect

/** The settings an administrator sets (everything but the id, the version and the times). */
export type CouncilColumns = Omit<CouncilRow, 'id' | 'version' | 'createdAt' | 'updatedAt'>

/** Every council, by name, with how many members of staff work for it. */
export function listCouncils(db: Queryable) {
  return db
    .select({
      council: localAuthorities,
      staff: sql<number>`(select count(*)::int from ${userCouncils} uc where uc.local_authority_id = ${localAuthorities.id})`,
    })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.name), asc(localAuthorities.code))
}

export async function councilById(db: Queryable, id: string): Promise<CouncilRow | undefined> {
  const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, id))
  return row
}

/** The council, locked until the transaction ends. */
export async function lockCouncil(tx: Tx, id: string): Promise<CouncilRow | undefined> {
  const [row] = await tx.select().from(localAuthorities).where(eq(localAuthorities.id, id)).for('update')
  return row
}

/** The agencies on the council's signposting list, in its order. */
export function signpostingOf(db: Queryable, councilId: string) {
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name })
    .from(councilAgencies)
    .innerJoin(agencies, eq(agencies.id, councilAgencies.agencyId))
    .where(eq(councilAgencies.localAuthorityId, councilId))
    .orderBy(asc(councilAgencies.sortOrder), asc(agencies.name))
}

/** Every agency there is to signpost to, in the service's order. */
export function allAgencies(db: Queryable) {
  return db
    .select({ id: agencies.id, code: agencies.code, name: agencies.name, helpsWith: agencies.helpsWith })
    .from(agencies)
    .orderBy(asc(agencies.sortOrder), asc(agencies.name))
}

export async function codeInUse(db: Queryable, code: string): Promise<boolean> {
  const [row] = await db
    .select({ id: localAuthorities.id })
    .from(localAuthorities)
    .where(eq(localAuthorities.code, code))
  return !!row
}

/** Other commissioning councils that have any of these postcode districts, with the districts they share. */
export async function districtsElsewhere(db: Queryable, districts: readonly string[], exceptId?: string) {
  if (!districts.length) return []
  const rows = await db
    .select({ name: localAuthorities.name, districts: localAuthorities.postcodeDistricts })
    .from(localAuthorities)
    .where(
      and(
        eq(localAuthorities.commissioned, true),
        arrayOverlaps(localAuthorities.postcodeDistricts, [...districts]),
        exceptId ? ne(localAuthorities.id, exceptId) : undefined,
      ),
    )
  return rows.map((r) => ({ name: r.name, districts: r.districts.filter((d) => districts.includes(d)) }))
}

/** How many councils commission the service, other than this one. */
export async function otherCommissioningCount(db: Queryable, exceptId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(localAuthorities)
    .where(and(eq(localAuthorities.commissioned, true), ne(localAuthorities.id, exceptId)))
  return row?.n ?? 0
}

export async function insertCouncil(tx: Tx, columns: CouncilColumns, now: Date): Promise<CouncilRow | undefined> {
  const [row] = await tx
    .insert(localAuthorities)
    .values({ ...columns, createdAt: now, updatedAt: now })
    .onConflictDoNothing({ target: localAuthorities.code })
    .returning()
  return row
}

/** Saves the settings if the council is still at `version`; false when it is not. */
export async function updateCouncilAt(
  tx: Tx,
  id: string,
  version: number,
  columns: Partial<CouncilColumns>,
  now: Date,
) {
  const rows = await tx
    .update(localAuthorities)
    .set({ ...columns, version: version + 1, updatedAt: now })
    .where(and(eq(localAuthorities.id, id), eq(localAuthorities.version, version)))
    .returning({ id: localAuthorities.id })
  return rows.length === 1
}

/** The council's signposting list becomes these agencies, in this order. */
export async function setSignposting(tx: Tx, councilId: string, agencyIds: readonly string[]) {
  await tx.delete(councilAgencies).where(eq(councilAgencies.localAuthorityId, councilId))
  if (agencyIds.length) {
    await tx
      .insert(councilAgencies)
      .values(agencyIds.map((agencyId, sortOrder) => ({ localAuthorityId: councilId, agencyId, sortOrder })))
  }
}

/** Which of these are agencies (ids of none are left out). */
export async function existingAgencies(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return []
  return db
    .select({ id: agencies.id, code: agencies.code })
    .from(agencies)
    .where(inArray(agencies.id, [...ids]))
}
