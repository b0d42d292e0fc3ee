// The allocation pages' queries, and the rows their changes write. No rules here: the ranking is
// domain/allocation.ts, the steps are the *-service.ts files.
import { and, asc, desc, eq, gte, inArray, isNull, lt, max, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '../../db/client.ts'
import {
  allocationObjections,
  allocations,
  caseParties,
  cases,
  localAuthorities,
  mediators,
  users,
  type AllocationReasons,
} from '../../db/schema/index.ts'

type Queryable = Db | Tx

/** The ranking kept with an allocation, checked before it is written so that reads need no cast. */
const allocationReasons: z.ZodType<AllocationReasons> = z.object({
  rank: z.number().int().positive(),
  of: z.number().int().positive(),
  score: z.number(),
  reasons: z.array(z.object({ tone: z.enum(['good', 'bad', 'note']), text: z.string() })),
  window: z.object({ from: z.iso.date(), to: z.iso.date() }),
})

export type CurrentAllocation = NonNullable<Awaited<ReturnType<typeof currentAllocation>>>

/** The allocation that stands for the case (none ended), with the mediator and who allocated them. */
export async function currentAllocation(db: Queryable, caseId: string) {
  const [row] = await db
    .select({
      allocation: allocations,
      mediatorName: mediators.name,
      mediatorEmail: mediators.email,
      mediatorPhone: mediators.phone,
      allocatedByName: users.name,
    })
    .from(allocations)
    .innerJoin(mediators, eq(mediators.id, allocations.mediatorId))
    .innerJoin(users, eq(users.id, allocations.allocatedBy))
    .where(and(eq(allocations.caseId, caseId), isNull(allocations.endedAt)))
    .orderBy(desc(allocations.allocatedAt))
    .limit(1)
  if (!row) return undefined
  const { allocation, ...names } = row
  return { ...allocation, ...names }
}

/** Earlier allocations of this case, newest first, with why they ended. */
export async function pastAllocations(db: Queryable, caseId: string) {
  return db
    .select({
      id: allocations.id,
      mediatorName: mediators.name,
      allocatedAt: allocations.allocatedAt,
      endedAt: allocations.endedAt,
      endedBecause: allocations.endedBecause,
    })
    .from(allocations)
    .innerJoin(mediators, eq(mediators.id, allocations.mediatorId))
    .where(and(eq(allocations.caseId, caseId), sql`${allocations.endedAt} is not null`))
    .orderBy(desc(allocations.allocatedAt))
}

export async function objectionsOf(db: Queryable, allocationId: string) {
  const decider = sql<string | null>`(select name from users u where u.id = ${allocationObjections.decidedBy})`
  return db
    .select({
      objection: allocationObjections,
      partyName: caseParties.name,
      partyOrganisation: caseParties.organisation,
      partyRole: caseParties.role,
      decidedByName: decider,
    })
    .from(allocationObjections)
    .innerJoin(caseParties, eq(caseParties.id, allocationObjections.partyId))
    .where(eq(allocationObjections.allocationId, allocationId))
    .orderBy(asc(allocationObjections.raisedOn), asc(allocationObjections.id))
}

/** An objection raised in this case, with who raised it. */
export async function findObjection(db: Queryable, caseId: string, objectionId: string) {
  const [row] = await db
    .select({
      objection: allocationObjections,
      partyName: caseParties.name,
      partyOrganisation: caseParties.organisation,
    })
    .from(allocationObjections)
    .innerJoin(allocations, eq(allocations.id, allocationObjections.allocationId))
    .innerJoin(caseParties, eq(caseParties.id, allocationObjections.partyId))
    .where(and(eq(allocationObjections.id, objectionId), eq(allocations.caseId, caseId)))
  return row
}

/** When each party was last sent an update starting with `note`, since `since`. */
export async function partiesSentUpdate(
  db: Queryable,
  caseId: string,
  since: Date,
  note: string,
): Promise<Map<string, Date>> {
  const rows = await db.execute<{ party_id: string; recorded_at: string }>(sql`
    select data->>'partyId' as party_id, max(recorded_at) as recorded_at from case_events
    where case_id = ${caseId} and type = 'update-sent' and recorded_at >= ${since.toISOString()}
      and starts_with(data->>'note', ${note})
    group by data->>'partyId'`)
  return new Map(rows.rows.map((r) => [r.party_id, new Date(r.recorded_at)]))
}

export async function localAuthorityOf(db: Queryable, id: string | null) {
  if (!id) return null
  const [la] = await db
    .select({ id: localAuthorities.id, code: localAuthorities.code, name: localAuthorities.name })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, id))
  return la ?? null
}

export async function casePartyRows(db: Queryable, caseId: string) {
  return db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
}

/** A party of this case, or undefined. */
export async function partyOfCase(db: Queryable, caseId: string, partyId: string) {
  const [party] = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
  return party
}

/** Mediators a party's upheld objection took off this case. */
export async function mediatorsObjectedTo(db: Queryable, caseId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ mediatorId: allocations.mediatorId })
    .from(allocations)
    .where(and(eq(allocations.caseId, caseId), eq(allocations.endedBecause, 'objection-upheld')))
  return rows.map((r) => r.mediatorId)
}

/** Each mediator's allocations since `since`, and the latest before it for those with none since. */
export async function allocationTimes(db: Queryable, ids: string[], since: Date) {
  if (ids.length === 0) return { recent: [], latestBefore: [] }
  const [recent, latestBefore] = await Promise.all([
    db
      .select({ mediatorId: allocations.mediatorId, at: allocations.allocatedAt })
      .from(allocations)
      .where(and(inArray(allocations.mediatorId, ids), gte(allocations.allocatedAt, since))),
    db
      .select({ mediatorId: allocations.mediatorId, at: max(allocations.allocatedAt) })
      .from(allocations)
      .where(and(inArray(allocations.mediatorId, ids), lt(allocations.allocatedAt, since)))
      .groupBy(allocations.mediatorId),
  ])
  return { recent, latestBefore }
}

export async function insertAllocation(
  tx: Tx,
  row: Omit<typeof allocations.$inferInsert, 'id' | 'endedAt' | 'endedBecause'>,
) {
  await tx.insert(allocations).values({ ...row, reasons: allocationReasons.parse(row.reasons) })
}

export async function endAllocation(tx: Tx, id: string, at: Date, because: 'objection-upheld') {
  await tx.update(allocations).set({ endedAt: at, endedBecause: because }).where(eq(allocations.id, id))
}

export async function insertObjection(tx: Tx, row: typeof allocationObjections.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(allocationObjections).values(row).returning({ id: allocationObjections.id })
  return inserted!.id
}

export async function objectionById(tx: Tx, id: string) {
  const [row] = await tx.select().from(allocationObjections).where(eq(allocationObjections.id, id))
  return row
}

export async function recordDecision(
  tx: Tx,
  id: string,
  decision: Pick<typeof allocationObjections.$inferInsert, 'decision' | 'decisionReason' | 'decidedBy' | 'decidedAt'>,
) {
  await tx.update(allocationObjections).set(decision).where(eq(allocationObjections.id, id))
}

/** The case, locked until the transaction ends: nobody else changes it in between. */
export async function lockCase(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  return row
}

export async function setCaseVersion(tx: Tx, caseId: string, version: number, at: Date) {
  await tx.update(cases).set({ version, updatedAt: at }).where(eq(cases.id, caseId))
}
