// After a change that moves deadlines (the appeal exclusion, the bank holidays, an authority's update
// cadence), every case that is not closed has its case_deadlines index worked out again. In batches,
// each in its own transaction with its cases locked (as the workflow service locks a case), so a
// change recorded on a case meanwhile waits for its batch rather than racing it.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { refreshDeadlineIndex } from '../../cases/index.ts'
import { lockOpenCases } from './repository.ts'

export interface RecomputeOptions {
  /** Only the cases of this commissioning authority. */
  localAuthorityId?: string
  batchSize?: number
}

/** Refreshes the deadline index of every case not closed; returns how many cases it refreshed. */
export async function recomputeOpenDeadlines(db: Db, clock: Clock, options: RecomputeOptions = {}): Promise<number> {
  const limit = options.batchSize ?? 200
  let after: string | undefined
  let done = 0
  for (;;) {
    const ids = await db.transaction(async (tx) => {
      const batch = await lockOpenCases(tx, { after, localAuthorityId: options.localAuthorityId, limit })
      for (const id of batch) await refreshDeadlineIndex(tx, clock, id)
      return batch
    })
    done += ids.length
    if (ids.length < limit) return done
    after = ids.at(-1)
  }
}
