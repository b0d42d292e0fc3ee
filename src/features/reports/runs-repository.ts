// Report runs: asked for, taken by one worker at a time (a lease, so one whose worker died is taken
// again), their progress, and the report kept with its small numbers already suppressed.
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { reportRuns, users } from '../../db/schema/index.ts'
import type { SafeReport } from '../../domain/report-safe.ts'

export type ReportRun = typeof reportRuns.$inferSelect

export async function insertRun(tx: Tx | Db, values: typeof reportRuns.$inferInsert): Promise<ReportRun> {
  const [row] = await tx.insert(reportRuns).values(values).returning()
  return row!
}

export async function runById(db: Db, id: string): Promise<(ReportRun & { requestedByName: string }) | undefined> {
  const [row] = await db
    .select({ run: reportRuns, name: users.name })
    .from(reportRuns)
    .innerJoin(users, eq(users.id, reportRuns.requestedBy))
    .where(eq(reportRuns.id, id))
  return row && { ...row.run, requestedByName: row.name }
}

/** The newest runs asked for by this person (by anyone, without one), without their results. */
export async function recentRuns(db: Db, options: { requestedBy?: string; limit: number }) {
  return db
    .select({
      id: reportRuns.id,
      requestedBy: reportRuns.requestedBy,
      councilIds: reportRuns.councilIds,
      councilName: reportRuns.councilName,
      fromDate: reportRuns.fromDate,
      toDate: reportRuns.toDate,
      status: reportRuns.status,
      stepsDone: reportRuns.stepsDone,
      stepsTotal: reportRuns.stepsTotal,
      createdAt: reportRuns.createdAt,
      requestedByName: users.name,
    })
    .from(reportRuns)
    .innerJoin(users, eq(users.id, reportRuns.requestedBy))
    .where(options.requestedBy ? eq(reportRuns.requestedBy, options.requestedBy) : undefined)
    .orderBy(desc(reportRuns.createdAt), desc(reportRuns.id))
    .limit(options.limit)
}

/**
 * Takes the oldest run waiting (or one whose worker stopped holding it) for `leaseSeconds`; one
 * worker at a time, however many instances ask (SKIP LOCKED on PostgreSQL).
 */
export async function claimRun(db: Db, now: Date, leaseSeconds: number): Promise<ReportRun | undefined> {
  return db.transaction(async (tx) => {
    const [next] = await tx
      .select({ id: reportRuns.id })
      .from(reportRuns)
      .where(or(eq(reportRuns.status, 'queued'), and(eq(reportRuns.status, 'running'), lt(reportRuns.leaseUntil, now))))
      .orderBy(reportRuns.createdAt, reportRuns.id)
      .limit(1)
      .for('update', { skipLocked: true })
    if (!next) return undefined
    const [claimed] = await tx
      .update(reportRuns)
      .set({
        status: 'running',
        stepsDone: 0,
        leaseUntil: new Date(now.getTime() + leaseSeconds * 1000),
        attempts: sql`${reportRuns.attempts} + 1`,
        startedAt: now,
      })
      .where(eq(reportRuns.id, next.id))
      .returning()
    return claimed
  })
}

/** Progress, and the lease held for longer; false when the run is no longer this worker's. */
export async function markProgress(
  db: Db,
  id: string,
  attempt: number,
  values: { stepsDone: number; leaseUntil: Date },
): Promise<boolean> {
  const rows = await db
    .update(reportRuns)
    .set(values)
    .where(and(eq(reportRuns.id, id), eq(reportRuns.status, 'running'), eq(reportRuns.attempts, attempt)))
    .returning({ id: reportRuns.id })
  return rows.length > 0
}

export async function markDone(db: Db, id: string, attempt: number, result: SafeReport, now: Date) {
  await db
    .update(reportRuns)
    .set({ status: 'done', result, finishedAt: now, leaseUntil: null, error: null })
    .where(and(eq(reportRuns.id, id), eq(reportRuns.attempts, attempt)))
}

export async function markFailed(db: Db, id: string, attempt: number, error: string, now: Date) {
  await db
    .update(reportRuns)
    .set({ status: 'failed', error, finishedAt: now, leaseUntil: null })
    .where(and(eq(reportRuns.id, id), eq(reportRuns.attempts, attempt)))
}

/** Runs of these councils and period already asked for by this person and not failed (the newest first). */
export async function sameRuns(db: Db, requestedBy: string, councilIds: readonly string[], from: string, to: string) {
  return db
    .select({ id: reportRuns.id, status: reportRuns.status, councilIds: reportRuns.councilIds })
    .from(reportRuns)
    .where(
      and(
        eq(reportRuns.requestedBy, requestedBy),
        eq(reportRuns.fromDate, from),
        eq(reportRuns.toDate, to),
        inArray(reportRuns.status, ['queued', 'running', 'done']),
      ),
    )
    .orderBy(desc(reportRuns.createdAt))
    .then((rows) => rows.filter((r) => sameSet(r.councilIds, councilIds)))
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join()
