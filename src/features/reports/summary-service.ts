// A council's figures for the JSON API (its token's council only): the same report as the pages,
// small numbers suppressed, no comments. At most a year at a time, worked out in the request.
import type { Db } from '../../db/client.ts'
import { periodDays, periodProblem, type Period } from '../../domain/report-period.ts'
import type { SafeReport } from '../../domain/report-safe.ts'
import { reportNow } from './report-service.ts'

/** The longest period one API request may ask for (a leap year). */
export const SUMMARY_MAX_DAYS = 366

export type SummaryAnswer = { ok: true; report: SafeReport } | { ok: false; field: 'from' | 'to'; message: string }

export async function councilSummary(db: Db, councilId: string, period: Period): Promise<SummaryAnswer> {
  const problem = periodProblem(period)
  if (problem) return { ok: false, ...problem }
  if (periodDays(period) > SUMMARY_MAX_DAYS)
    return { ok: false, field: 'to', message: `Ask for at most ${SUMMARY_MAX_DAYS} days at a time: a year, or less` }
  return { ok: true, report: await reportNow(db, { councils: [councilId], ...period }) }
}
