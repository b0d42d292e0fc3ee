// The queries of case imports: the files, their progress (a lease, so one whose worker died is
// taken again), the rows that became cases, and each administrator's saved columns.
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  cases,
  caseEvents,
  importBatches,
  importMappings,
  importRows,
  localAuthorities,
  users,
} from '../../db/schema/index.ts'

export type ImportBatch = typeof importBatches.$inferSelect

export async function knownCouncils(db: Db | Tx) {
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name, code: localAuthorities.code })
    .from(localAuthorities)
}

export async function insertBatch(tx: Tx, values: typeof importBatches.$inferInsert) {
  const [row] = await tx.insert(importBatches).values(values).returning({ id: importBatches.id })
  return row!.id
}

export async function batchById(db: Db | Tx, id: string) {
  const [row] = await db
    .select({ batch: importBatches, uploadedByName: users.name })
    .from(importBatches)
    .innerJoin(users, eq(users.id, importBatches.uploadedBy))
    .where(eq(importBatches.id, id))
  return row && { ...row.batch, uploadedByName: row.uploadedByName }
}

/** The newest imports, without their files. */
export async function recentBatches(db: Db, limit: number) {
  return db
    .select({
      id: importBatches.id,
      fileName: importBatches.fileName,
      status: importBatches.status,
      rowsTotal: importBatches.rowsTotal,
      casesMade: importBatches.casesMade,
      createdAt: importBatches.createdAt,
      uploadedByName: users.name,
    })
    .from(importBatches)
    .innerJoin(users, eq(users.id, importBatches.uploadedBy))
    .orderBy(desc(importBatches.createdAt), desc(importBatches.id))
    .limit(limit)
}

/** Changes a batch when it is in one of the statuses given; false when it was not. */
export async function updateBatch(
  db: Db | Tx,
  id: string,
  from: string[],
  values: Partial<typeof importBatches.$inferInsert>,
): Promise<boolean> {
  const rows = await db
    .update(importBatches)
    .set(values)
    .where(and(eq(importBatches.id, id), inArray(importBatches.status, from)))
    .returning({ id: importBatches.id })
  return rows.length > 0
}

export async function savedMapping(db: Db, userId: string) {
  const [row] = await db.select().from(importMappings).where(eq(importMappings.userId, userId))
  return row?.columns
}

export async function saveMapping(tx: Tx, userId: string, columns: Record<string, string>, now: Date) {
  await tx
    .insert(importMappings)
    .values({ userId, columns, updatedAt: now })
    .onConflictDoUpdate({ target: importMappings.userId, set: { columns, updatedAt: now } })
}

/** Of these row keys, those imported already and not undone, with where from (one JSON array, one query). */
export async function importedKeys(db: Db | Tx, keys: string[]) {
  const found = new Map<string, { batchId: string; line: number }>()
  if (!keys.length) return found
  const rows = await db.execute<{ row_key: string; batch_id: string; line: number }>(
    sql`select row_key, batch_id, line from import_rows where undone_at is null
      and row_key in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`,
  )
  for (const r of rows.rows) found.set(r.row_key, { batchId: r.batch_id, line: Number(r.line) })
  return found
}

export async function insertImportRows(tx: Tx, rows: (typeof importRows.$inferInsert)[]) {
  if (rows.length) await tx.insert(importRows).values(rows)
}

/**
 * Takes the oldest import (or undo) waiting, or one whose worker stopped holding it, for
 * `leaseSeconds`; one worker at a time, however many instances ask (SKIP LOCKED on PostgreSQL).
 */
export async function claimBatch(db: Db, now: Date, leaseSeconds: number): Promise<ImportBatch | undefined> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: importBatches.id, status: importBatches.status })
      .from(importBatches)
      .where(
        or(
          inArray(importBatches.status, ['queued', 'undo-queued']),
          and(inArray(importBatches.status, ['running', 'undoing']), lt(importBatches.leaseUntil, now)),
        ),
      )
      .orderBy(asc(importBatches.createdAt), asc(importBatches.id))
      .limit(1)
      .for('update', { skipLocked: true })
    if (!next) return undefined
    const undoing = next.status === 'undo-queued' || next.status === 'undoing'
    const [claimed] = await tx
      .update(importBatches)
      .set({
        status: undoing ? 'undoing' : 'running',
        leaseUntil: new Date(now.getTime() + leaseSeconds * 1000),
        attempts: sql`${importBatches.attempts} + 1`,
        ...(next.status === 'queued' ? { startedAt: now } : {}),
      })
      .where(eq(importBatches.id, next.id))
      .returning()
    return claimed
  })
}

/** Progress of the worker holding this attempt; false when the batch is no longer its. */
export async function markProgress(
  tx: Db | Tx,
  id: string,
  attempt: number,
  values: Partial<typeof importBatches.$inferInsert>,
) {
  const rows = await tx
    .update(importBatches)
    .set(values)
    .where(
      and(
        eq(importBatches.id, id),
        eq(importBatches.attempts, attempt),
        inArray(importBatches.status, ['running', 'undoing']),
      ),
    )
    .returning({ id: importBatches.id })
  return rows.length > 0
}

/** Cases of the batch changed since it made them (an event after its own), at most `limit`, and how many. */
export async function changedCases(db: Db | Tx, batchId: string, limit: number) {
  const changed = sql`exists (select 1 from ${caseEvents} e where e.case_id = ${importRows.caseId} and e.id > ${importRows.lastEventId})`
  const where = and(eq(importRows.batchId, batchId), isNull(importRows.undoneAt), changed)
  const [rows, [count]] = await Promise.all([
    db
      .select({ reference: cases.reference, line: importRows.line })
      .from(importRows)
      .innerJoin(cases, eq(cases.id, importRows.caseId))
      .where(where)
      .orderBy(asc(importRows.line))
      .limit(limit),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(importRows)
      .where(where),
  ])
  return { rows, count: count?.n ?? 0 }
}

/** The batch's rows still to undo, in line order after `afterLine`. */
export async function rowsToUndo(db: Db, batchId: string, afterLine: number, limit: number) {
  return db
    .select({ line: importRows.line, caseId: importRows.caseId, lastEventId: importRows.lastEventId })
    .from(importRows)
    .where(and(eq(importRows.batchId, batchId), isNull(importRows.undoneAt), gt(importRows.line, afterLine)))
    .orderBy(asc(importRows.line))
    .limit(limit)
}

export async function countRows(db: Db, batchId: string) {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(importRows)
    .where(and(eq(importRows.batchId, batchId), isNull(importRows.undoneAt)))
  return row?.n ?? 0
}

export async function markRowUndone(tx: Tx, batchId: string, line: number, now: Date) {
  await tx
    .update(importRows)
    .set({ undoneAt: now })
    .where(and(eq(importRows.batchId, batchId), eq(importRows.line, line)))
}

/** A case's last event: a later one than the import's means someone changed the case. */
export async function lastEventOf(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({ id: sql<number>`max(${caseEvents.id})::bigint` })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
  return Number(row?.id ?? 0)
}
