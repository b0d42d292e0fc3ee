// Report runs: a long report asked for once (the form's one-time key), worked out by the job
// runner a month at a time with its progress recorded, and kept to read and download again. Each
// month is a few short queries, so other requests are answered in between while it runs.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { refuse, type Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import type { Period } from '../../domain/report-period.ts'
import { mayReadRun, type CouncilChoice } from './councils.ts'
import { jobPieces, workOutReport } from './report-service.ts'
import {
  claimRun,
  insertRun,
  markDone,
  markFailed,
  markProgress,
  recentRuns,
  runById,
  sameRuns,
  type ReportRun,
} from './runs-repository.ts'

/** A worker holds a run this long without a word before another may take it. */
export const LEASE_SECONDS = 120

export interface RunDeps {
  db: Db
  clock: Clock
}

/** Asks for a report run (once per key); one already asked for and not failed is answered instead. */
export async function requestRun(
  { db, clock }: RunDeps,
  user: StaffUser,
  choice: CouncilChoice,
  period: Period,
  submissionKey: string,
): Promise<Result<{ runId: string }>> {
  const runId = await oncePerKey(db, clock, submissionKey, async (tx) => {
    const [same] = await sameRuns(tx as unknown as Db, user.id, choice.ids, period.from, period.to)
    if (same) return same.id
    const run = await insertRun(tx, {
      requestedBy: user.id,
      councilIds: choice.ids,
      councilName: choice.name,
      fromDate: period.from,
      toDate: period.to,
      stepsTotal: jobPieces(period).length,
      createdAt: clock.now(),
    })
    return run.id
  })
  return { ok: true, runId }
}

/** A run this person may read, or a not-found refusal (whether it exists is not said). */
export async function readRun({ db }: RunDeps, user: StaffUser, id: string): Promise<Result<{ run: RunView }>> {
  const run = await runById(db, id)
  if (!run || !mayReadRun(user, run)) return refuse('There is no such report.', undefined, 'not-found')
  return { ok: true, run: viewOf(run) }
}

export type RunView = ReturnType<typeof viewOf>

function viewOf(run: ReportRun & { requestedByName?: string }) {
  const { result, ...rest } = run
  const percent = run.stepsTotal ? Math.floor((run.stepsDone / run.stepsTotal) * 100) : 0
  return { ...rest, report: result ?? undefined, percent }
}

/** The person's recent runs (an administrator's: everyone's), that they may still read. */
export async function runsOf({ db }: RunDeps, user: StaffUser) {
  const everyone = user.councils === 'all'
  const rows = await recentRuns(db, { requestedBy: everyone ? undefined : user.id, limit: 20 })
  return rows.filter((r) => mayReadRun(user, r))
}

/**
 * The job: takes the runs waiting, one at a time, and works each out. A run whose worker died is
 * taken again once its lease has passed, from the start; a run that fails says so on its page.
 */
export async function runDueReports({ db, clock }: RunDeps): Promise<{ done: number; failed: number }> {
  const counts = { done: 0, failed: 0 }
  for (
    let run = await claimRun(db, clock.now(), LEASE_SECONDS);
    run;
    run = await claimRun(db, clock.now(), LEASE_SECONDS)
  ) {
    const { id, attempts } = run
    const period = { from: run.fromDate, to: run.toDate }
    try {
      const report = await workOutReport(
        db,
        { councils: run.councilIds, ...period },
        jobPieces(period),
        async (done) => {
          const leaseUntil = new Date(clock.now().getTime() + LEASE_SECONDS * 1000)
          if (!(await markProgress(db, id, attempts, { stepsDone: done, leaseUntil })))
            throw new Error('The run was taken by another worker')
          // Lets waiting requests go first between months (the embedded database has one connection).
          await new Promise((resolve) => setImmediate(resolve))
        },
      )
      await markDone(db, id, attempts, report, clock.now())
      counts.done++
    } catch (err) {
      await markFailed(db, id, attempts, (err as Error).message, clock.now())
      counts.failed++
    }
  }
  return counts
}
