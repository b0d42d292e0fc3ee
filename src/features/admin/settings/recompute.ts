// After a change that moves deadlines (the appeal exclusion, the bank holidays, an authority's update
// cadence), every case that is not closed has its case_deadlines index worked out again. In batches,
// each in its own transaction with its cases locked (as the workflow service locks a case), so a
// change recorded on a case meanwhile waits for its batch rather than racing it.
import { and, asc, eq, gt, ne, type SQL } from 'drizzle-orm'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { cases } from '../../../db/schema/index.ts'
import { refreshDeadlineIndex } from '../../cases/index.ts'

export interface RecomputeOptions {
  /** Only the cases of this commissioning authority. */
  localAuthorityId?: string
  batchSize?: number
}

/** Refreshes the deadline index of every case not closed; returns how many cases it refreshed. */
export async function recomputeOpenDeadlines(db: Db, clock: Clock, options: RecomputeOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 200
  let after: string | undefined
  let done = 0
  for (;;) {
    const conditions: SQL[] = [ne(cases.status, 'closed')]
    if (options.localAuthorityId) conditions.push(eq(cases.localAuthorityId, options.localAuthorityId))
    if (after) conditions.push(gt(cases.id, after))
    const ids = await db.transaction(async (tx) => {
      const rows = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(...conditions))
        .orderBy(asc(cases.id))
        .limit(batchSize)
        .for('update')
      for (const row of rows) await refreshDeadlineIndex(tx, clock, row.id)
      return rows.map((r) => r.id)
    })
    done += ids.length
    if (ids.length < batchSize) return done
    after = ids.at(-1)
  }
}
