// After a change that moves deadlines (the appeal exclusion, the chaser interval, the bank
// holidays, a council's update cadence), every case that is not closed has its case_deadlines
// index worked out again. The administrator's request only asks for it (a deadline_recomputes
// row); a job (src/jobs, 'recompute-deadlines') does it, a batch at a time, each batch in its own
// transaction with its cases locked (as the workflow service locks a case, so a change recorded
// on a case meanwhile waits for its batch rather than racing it) and the request's progress
// moved on in the same transaction: a restart carries on after the last batch done.
import type { Clock } from '../../../clock.ts'
import type { Db, Tx } from '../../../db/client.ts'
import { refreshDeadlineIndex } from '../../cases/index.ts'
import {
  countOpenCases,
  insertRecompute,
  lockOpenCases,
  nextRecompute,
  recentRecomputes,
  updateRecompute,
} from './recompute-repository.ts'

/** The job's name (its pg-boss queue). */
export const RECOMPUTE_DEADLINES = 'recompute-deadlines'

export type RecomputeReason =
  'appeal-exclusion' | 'chaser-interval' | 'bank-holidays' | 'update-cadence' | 'deadline-index'

const reasons: Record<RecomputeReason, string> = {
  'appeal-exclusion': 'the reading of August and Christmas for appeal deadlines changed',
  'chaser-interval': 'the working days before a chaser changed',
  'bank-holidays': 'new bank holidays were uploaded',
  'update-cadence': 'a council’s update cadence changed',
  'deadline-index': 'Parley was updated',
}

/** Asks for the deadlines of the cases not closed (of one council, or all) to be worked out again. */
export async function requestRecompute(
  db: Db | Tx,
  clock: Clock,
  request: { reason: RecomputeReason; localAuthorityId?: string; requestedBy?: string },
): Promise<string> {
  return insertRecompute(db, {
    reason: request.reason,
    localAuthorityId: request.localAuthorityId ?? null,
    requestedBy: request.requestedBy ?? null,
    requestedAt: clock.now(),
  })
}

export interface RecomputeRun {
  requests: number
  cases: number
}

/**
 * The job: the requests waiting, oldest first, a batch of cases at a time, until none is left or
 * `budgetMs` has passed (the next run carries on). Safe to run on several instances at once: each
 * batch locks its request.
 */
export async function runRecomputes(
  { db, clock }: { db: Db; clock: Clock },
  options: { batchSize?: number; budgetMs?: number } = {},
): Promise<RecomputeRun> {
  const limit = options.batchSize ?? 200
  const until = performance.now() + (options.budgetMs ?? 4 * 60_000)
  const run: RecomputeRun = { requests: 0, cases: 0 }
  // At least one batch a run, however short the budget.
  for (let first = true; first || performance.now() < until; first = false) {
    const step = await db.transaction(async (tx) => {
      const request = await nextRecompute(tx)
      if (!request) return 'none' as const
      const started = request.startedAt ?? clock.now()
      const total = request.total ?? (await countOpenCases(tx, request.localAuthorityId))
      const batch = await lockOpenCases(tx, {
        after: request.afterCaseId,
        localAuthorityId: request.localAuthorityId,
        limit,
      })
      for (const id of batch) await refreshDeadlineIndex(tx, clock, id)
      const done = request.done + batch.length
      const finished = batch.length < limit
      await updateRecompute(tx, request.id, {
        startedAt: started,
        total: Math.max(total, done),
        done,
        afterCaseId: batch.at(-1) ?? request.afterCaseId,
        ...(finished ? { finishedAt: clock.now() } : {}),
      })
      run.cases += batch.length
      return finished ? ('finished' as const) : ('more' as const)
    })
    if (step === 'none') break
    if (step === 'finished') run.requests++
  }
  return run
}

export interface RecomputeStatus {
  /** Being done now, or waiting to be: how far each has got ("1,200 of 4,800 cases"). */
  going: { reason: string; council: string | null; requestedAt: Date; progress?: string }[]
  /** The last one finished. */
  last?: { reason: string; council: string | null; finishedAt: Date; cases: string }
}

const casesCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'case' : 'cases'}`

/** What the administration pages say about it. */
export async function recomputeStatus(db: Db): Promise<RecomputeStatus> {
  const rows = await recentRecomputes(db)
  const reasonOf = (r: string) => reasons[r as RecomputeReason] ?? r
  const going = rows
    .filter((r) => !r.request.finishedAt)
    .reverse()
    .map(({ request: r, councilName }) => ({
      reason: reasonOf(r.reason),
      council: councilName,
      requestedAt: r.requestedAt,
      progress: r.startedAt ? `${r.done.toLocaleString('en-GB')} of ${casesCount(r.total ?? r.done)}` : undefined,
    }))
  const finished = rows.find((r) => r.request.finishedAt)
  return {
    going,
    last: finished
      ? {
          reason: reasonOf(finished.request.reason),
          council: finished.councilName,
          finishedAt: finished.request.finishedAt!,
          cases: casesCount(finished.request.done),
        }
      : undefined,
  }
}
