// The retention schedule's queries: each council's schedule, what is due (by the index on council,
// kind and the day it ended, a page at a time), the legal holds and the log of runs.
import { and, desc, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db, Tx } from '../../db/client.ts'
import {
  cases,
  localAuthorities,
  retentionHolds,
  retentionRuns,
  retentionSchedules,
  users,
} from '../../db/schema/index.ts'
import type { IsoDate } from '../../domain/dates.ts'
import type { RetentionKind } from '../../domain/retention.ts'

/** Every council with its own schedule, if it has one (a short list: one row a council). */
export async function councilsWithSchedules(db: Db | Tx) {
  return db
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      enquiryMonths: retentionSchedules.enquiryMonths,
      caseMonths: retentionSchedules.caseMonths,
      updatedAt: retentionSchedules.updatedAt,
    })
    .from(localAuthorities)
    .leftJoin(retentionSchedules, eq(retentionSchedules.localAuthorityId, localAuthorities.id))
    .orderBy(localAuthorities.name)
}

export async function scheduleRow(db: Db | Tx, councilId: string) {
  const [row] = await db.select().from(retentionSchedules).where(eq(retentionSchedules.localAuthorityId, councilId))
  return row
}

export async function saveSchedule(tx: Tx, row: typeof retentionSchedules.$inferInsert) {
  await tx
    .insert(retentionSchedules)
    .values(row)
    .onConflictDoUpdate({
      target: retentionSchedules.localAuthorityId,
      set: {
        enquiryMonths: row.enquiryMonths,
        caseMonths: row.caseMonths,
        updatedBy: row.updatedBy,
        updatedAt: row.updatedAt,
      },
    })
}

export interface DueCase {
  caseId: string
  reference: string
  kind: RetentionKind
  closedOn: IsoDate
}

export interface DueAfter {
  closedOn: IsoDate
  caseId: string
}

/**
 * The council's cases due to be anonymised: ended on or before each kind's day, not anonymised,
 * with no legal hold and no open complaint (unless `withHeld`: the job counts those it keeps), oldest first, after `after`. One range of the index
 * case_retention_due for each kind, `limit` rows each, merged.
 */
export async function dueCases(
  db: Db | Tx,
  q: {
    councilId: string
    endedBy: Record<RetentionKind, IsoDate>
    after?: DueAfter
    limit: number
    withHeld?: boolean
  },
): Promise<DueCase[]> {
  const notHeld = q.withHeld
    ? sql``
    : sql`and not exists (select 1 from retention_holds h where h.case_id = r.case_id and h.lifted_at is null)
      and not exists (select 1 from complaints k where k.case_id = r.case_id and k.status <> 'closed')`
  const one = (kind: RetentionKind) => sql`(select r.case_id, r.kind, r.closed_on from case_retention r
    where r.local_authority_id = ${q.councilId} and r.kind = ${kind} and r.anonymised_at is null
      and r.closed_on is not null and r.closed_on <= ${q.endedBy[kind]}
      ${q.after ? sql`and (r.closed_on, r.case_id) > (${q.after.closedOn}::date, ${q.after.caseId}::uuid)` : sql``}
      ${notHeld}
    order by r.closed_on, r.case_id limit ${q.limit})`
  const result = await db.execute<{ case_id: string; reference: string; kind: RetentionKind; closed_on: string }>(sql`
    select d.case_id, c.reference, d.kind, d.closed_on::text as closed_on
    from (${one('enquiry')} union all ${one('case')}) d join cases c on c.id = d.case_id
    order by d.closed_on, d.case_id limit ${q.limit}`)
  return result.rows.map((r) => ({ caseId: r.case_id, reference: r.reference, kind: r.kind, closedOn: r.closed_on }))
}

/** The case with this reference, for placing a hold. */
export async function caseByReference(db: Db | Tx, reference: string) {
  const [row] = await db
    .select({ id: cases.id, reference: cases.reference, councilId: cases.localAuthorityId })
    .from(cases)
    .where(eq(cases.reference, reference))
  return row
}

export async function liveHoldOf(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select()
    .from(retentionHolds)
    .where(and(eq(retentionHolds.caseId, caseId), isNull(retentionHolds.liftedAt)))
  return row
}

export async function insertHold(tx: Tx, row: typeof retentionHolds.$inferInsert) {
  const [made] = await tx.insert(retentionHolds).values(row).onConflictDoNothing().returning()
  return made
}

export async function holdForUpdate(tx: Tx, id: string) {
  const [row] = await tx.select().from(retentionHolds).where(eq(retentionHolds.id, id)).for('update')
  return row
}

export async function liftHoldRow(tx: Tx, id: string, by: string | null, at: Date, note: string) {
  await tx
    .update(retentionHolds)
    .set({ liftedBy: by, liftedAt: at, liftNote: note })
    .where(and(eq(retentionHolds.id, id), isNull(retentionHolds.liftedAt)))
}

export interface PageAfter {
  at: Date
  id: string
}

const before = (at: AnyPgColumn, id: AnyPgColumn, after?: PageAfter) =>
  after ? or(lt(at, after.at), and(eq(at, after.at), lt(id, after.id))) : undefined

/** The holds still in place, newest first, a page at a time. */
export async function liveHolds(db: Db, q: { after?: PageAfter; limit: number }) {
  return db
    .select({
      id: retentionHolds.id,
      caseId: retentionHolds.caseId,
      reference: cases.reference,
      reason: retentionHolds.reason,
      note: retentionHolds.note,
      placedAt: retentionHolds.placedAt,
      placedBy: users.name,
    })
    .from(retentionHolds)
    .innerJoin(cases, eq(cases.id, retentionHolds.caseId))
    .leftJoin(users, eq(users.id, retentionHolds.placedBy))
    .where(and(isNull(retentionHolds.liftedAt), before(retentionHolds.placedAt, retentionHolds.id, q.after)))
    .orderBy(desc(retentionHolds.placedAt), desc(retentionHolds.id))
    .limit(q.limit)
}

export async function holdById(db: Db, id: string) {
  const [row] = await db
    .select({ hold: retentionHolds, reference: cases.reference })
    .from(retentionHolds)
    .innerJoin(cases, eq(cases.id, retentionHolds.caseId))
    .where(eq(retentionHolds.id, id))
  return row
}

export async function startRun(db: Db, at: Date) {
  const [row] = await db.insert(retentionRuns).values({ startedAt: at }).returning()
  return row!
}

export async function finishRun(db: Db, id: string, values: Partial<typeof retentionRuns.$inferInsert>) {
  await db.update(retentionRuns).set(values).where(eq(retentionRuns.id, id))
}

/** The runs, newest first, a page at a time. */
export async function runsPage(db: Db, q: { after?: PageAfter; limit: number }) {
  return db
    .select()
    .from(retentionRuns)
    .where(before(retentionRuns.startedAt, retentionRuns.id, q.after))
    .orderBy(desc(retentionRuns.startedAt), desc(retentionRuns.id))
    .limit(q.limit)
}
