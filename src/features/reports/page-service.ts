// What each reports page needs, in one call each: the choice of council and period, a report
// worked out now (or the offer to work it out in the background), and the downloads.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  lastQuarter,
  monthChoices,
  periodProblem,
  quarterChoices,
  yearChoices,
  type Period,
} from '../../domain/report-period.ts'
import type { SafeReport } from '../../domain/report-safe.ts'
import { refuse, type Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { councilChoice, councilChoices, figuresOnly, type CouncilChoice } from './councils.ts'
import { needsJob, reportNow, staffComments, type StaffComments } from './report-service.ts'
import { readRun, requestRun, runsOf, type RunView } from './runs-service.ts'
import { councilsFor } from './councils-repository.ts'
import { sameRuns } from './runs-repository.ts'
import { tableOf, type ReportHeading } from './view-model.ts'

export interface PageDeps {
  db: Db
  clock: Clock
}

const noSuchReport = () => refuse('There is no such report.', undefined, 'not-found')

/** The choose page: the councils this person may choose, the periods, and their kept reports. */
export async function choosePage({ db, clock }: PageDeps, user: StaffUser) {
  const today = clock.today()
  const [councils, runs] = await Promise.all([councilChoices(db, user), runsOf({ db, clock }, user)])
  const usual = lastQuarter(today)
  return {
    councils: councils.map((c) => ({ value: c.value, text: c.name })),
    months: monthChoices(today),
    quarters: quarterChoices(today),
    years: yearChoices(today),
    defaults: {
      council: councils.find((c) => c.value !== 'all')?.value,
      period: 'quarter',
      quarter: usual.from.slice(0, 7),
    },
    runs,
  }
}

export type ReportPage =
  | { kind: 'report'; heading: ReportHeading; report: SafeReport; comments?: StaffComments }
  | { kind: 'job'; heading: ReportHeading; runs: { id: string; status: string }[] }

const headingOf = (choice: CouncilChoice, period: Period): ReportHeading => ({
  councilName: choice.name,
  councilCode: choice.code,
  period,
})

/**
 * A report for a council and period: worked out now when it is small enough, else the offer to
 * work it out in the background (with any run already asked for). Not found when the council is
 * not one this person may see.
 */
export async function reportPage(
  { db }: PageDeps,
  user: StaffUser,
  asked: { council: string; period: Period },
): Promise<Result<{ page: ReportPage }>> {
  const choice = await councilChoice(db, user, asked.council)
  if (!choice) return noSuchReport()
  const heading = headingOf(choice, asked.period)
  const q = { councils: choice.councils, ...asked.period }
  if (await needsJob(db, q)) {
    const runs = await sameRuns(db, user.id, choice.ids, asked.period.from, asked.period.to)
    return { ok: true, page: { kind: 'job', heading, runs } }
  }
  const report = await reportNow(db, q)
  // What people wrote is for the provider's staff only, never for a council's commissioner.
  const comments = figuresOnly(user) ? undefined : await staffComments(db, q)
  return { ok: true, page: { kind: 'report', heading, report, ...(comments ? { comments } : {}) } }
}

/** The report for a download: worked out now, or not found when it is one for the background. */
export async function reportForDownload(
  deps: PageDeps,
  user: StaffUser,
  asked: { council: string; period: Period },
): Promise<Result<{ heading: ReportHeading; report: SafeReport }>> {
  const choice = await councilChoice(deps.db, user, asked.council)
  if (!choice) return noSuchReport()
  const q = { councils: choice.councils, ...asked.period }
  if (await needsJob(deps.db, q)) return noSuchReport()
  return { ok: true, heading: headingOf(choice, asked.period), report: await reportNow(deps.db, q) }
}

/** A kept run for its page, with the comments for staff once it is done. */
export async function runPage(
  deps: PageDeps,
  user: StaffUser,
  id: string,
): Promise<Result<{ run: RunView; heading: ReportHeading; comments?: StaffComments }>> {
  const found = await readRun(deps, user, id)
  if (!found.ok) return found
  const { run } = found
  const heading = await runHeading(deps.db, run)
  const comments =
    run.status === 'done' && !figuresOnly(user)
      ? await staffComments(deps.db, { councils: run.councilIds, from: run.fromDate, to: run.toDate })
      : undefined
  return { ok: true, run, heading, ...(comments ? { comments } : {}) }
}

/** A kept run's report for a download (done runs only). */
export async function runForDownload(
  deps: PageDeps,
  user: StaffUser,
  id: string,
): Promise<Result<{ heading: ReportHeading; report: SafeReport }>> {
  const found = await readRun(deps, user, id)
  if (!found.ok || !found.run.report) return noSuchReport()
  const { run } = found
  return { ok: true, heading: await runHeading(deps.db, run), report: found.run.report }
}

async function runHeading(db: Db, run: RunView): Promise<ReportHeading> {
  const [only] = run.councilIds.length === 1 ? await councilsFor(db, run.councilIds) : []
  return {
    councilName: run.councilName,
    councilCode: only?.code ?? 'all-councils',
    period: { from: run.fromDate, to: run.toDate },
  }
}

/** One table of a report, or not found. */
export function oneTable(report: SafeReport, tableId: string) {
  return tableOf(report, tableId)
}

/** Asks for a long report to be worked out in the background (once per form). */
export async function startRun(
  deps: PageDeps,
  user: StaffUser,
  asked: { council: string; period: Period },
  submissionKey: string,
): Promise<Result<{ runId: string }>> {
  const choice = await councilChoice(deps.db, user, asked.council)
  if (!choice || periodProblem(asked.period)) return noSuchReport()
  return requestRun(deps, user, choice, asked.period, submissionKey)
}
