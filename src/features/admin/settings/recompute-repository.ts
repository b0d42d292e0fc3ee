// The requests to work the open cases' deadlines out again (deadline_recomputes), and the cases
// each batch of the job takes.
import { and, asc, count, desc, eq, gt, isNull, ne, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.ts'
import { cases, deadlineRecomputes, localAuthorities } from '../../../db/schema/index.ts'

export type RecomputeRow = typeof deadlineRecomputes.$inferSelect

export async function insertRecompute(db: Db | Tx, row: typeof deadlineRecomputes.$inferInsert): Promise<string> {
  const [made] = await db.insert(deadlineRecomputes).values(row).returning({ id: deadlineRecomputes.id })
  return made!.id
}

/** The oldest request not finished, locked until the transaction ends (one batch at a time, on any instance). */
export async function nextRecompute(tx: Tx): Promise<RecomputeRow | undefined> {
  const [row] = await tx
    .select()
    .from(deadlineRecomputes)
    .where(isNull(deadlineRecomputes.finishedAt))
    .orderBy(asc(deadlineRecomputes.requestedAt), asc(deadlineRecomputes.id))
    .limit(1)
    .for('update')
  return row
}

const openCases = (localAuthorityId: string | null): SQL[] => [
  ne(cases.status, 'closed'),
  ...(localAuthorityId ? [eq(cases.localAuthorityId, localAuthorityId)] : []),
]

export async function countOpenCases(tx: Tx, localAuthorityId: string | null): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(cases)
    .where(and(...openCases(localAuthorityId)))
  return row?.n ?? 0
}

/** The next batch of cases that are not closed, in id order after `after`, locked until the transaction ends. */
export async function lockOpenCases(
  tx: Tx,
  batch: { after: string | null; localAuthorityId: string | null; limit: number },
): Promise<string[]> {
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(...openCases(batch.localAuthorityId), batch.after ? gt(cases.id, batch.after) : undefined))
    .orderBy(asc(cases.id))
    .limit(batch.limit)
    .for('update')
  return rows.map((r) => r.id)
}

export async function updateRecompute(
  tx: Tx,
  id: string,
  change: Partial<Pick<RecomputeRow, 'startedAt' | 'finishedAt' | 'total' | 'done' | 'afterCaseId'>>,
) {
  await tx.update(deadlineRecomputes).set(change).where(eq(deadlineRecomputes.id, id))
}

/** The requests not finished, and the last few finished, newest first, with their council's name. */
export function recentRecomputes(db: Db, limit = 5) {
  return (
    db
      .select({ request: deadlineRecomputes, councilName: localAuthorities.name })
      .from(deadlineRecomputes)
      .leftJoin(localAuthorities, eq(localAuthorities.id, deadlineRecomputes.localAuthorityId))
      // Unfinished first (however many finished share their time), then the latest finished.
      .orderBy(
        desc(sql`${deadlineRecomputes.finishedAt} is null`),
        desc(sql`coalesce(${deadlineRecomputes.finishedAt}, ${deadlineRecomputes.requestedAt})`),
        desc(deadlineRecomputes.id),
      )
      .limit(limit)
  )
}
