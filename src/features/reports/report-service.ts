// A report worked out: the facts for each month (or the whole period at once) added into one
// tally, its tables, and the small numbers suppressed. A report small enough is worked out in the
// request; a long one or one over many cases goes to the job runner (runs-service.ts).
import type { Db } from '../../db/client.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { addFacts, emptyTally, type ReportFacts } from '../../domain/report-facts.ts'
import { monthlyChunks, periodDays, type Period } from '../../domain/report-period.ts'
import { safeReport, type SafeReport } from '../../domain/report-safe.ts'
import { reportTables } from '../../domain/report-tables.ts'
import { complaintFigures } from '../complaints/index.ts'
import { sessionFacts } from '../sessions/index.ts'
import { currentCalendar } from '../settings/index.ts'
import {
  appealCount,
  certificateFacts,
  declineFacts,
  enquiryCount,
  enquiryFacts,
  heldFacts,
  type FactQuery,
} from './case-facts-repository.ts'
import { feedbackComments, feedbackFacts, meetingFacts, outcomeFacts, pointFacts } from './meeting-facts-repository.ts'

/** Worked out in the request up to this many enquiries in the period and a year and a bit; beyond, a job. */
export const INLINE_ENQUIRIES = 10_000
export const INLINE_DAYS = 400

/** Every fact of a period (one after another: the embedded database has one connection). */
export async function factsOf(db: Db, q: FactQuery): Promise<ReportFacts> {
  return {
    enquiries: await enquiryFacts(db, q),
    certificates: await certificateFacts(db, q),
    held: await heldFacts(db, q),
    appeals: await appealCount(db, q),
    declines: await declineFacts(db, q),
    meetings: await meetingFacts(db, q),
    outcomes: await outcomeFacts(db, q),
    points: await pointFacts(db, q),
    feedback: await feedbackFacts(db, q),
    complaints: await complaintFigures(db, { councilIds: q.councils, from: q.from, to: q.to }),
    sessions: await sessionFacts(db, { councilIds: q.councils, from: q.from, to: q.to }),
  }
}

/**
 * The report over these pieces of the period, in turn; `onStep` hears after each (a job records
 * its progress there, and may stop the work by throwing).
 */
export async function workOutReport(
  db: Db,
  q: FactQuery,
  pieces: readonly Period[],
  onStep?: (done: number) => Promise<void>,
  calendar?: Calendar,
): Promise<SafeReport> {
  const days = calendar ?? (await currentCalendar(db))
  const tally = emptyTally()
  for (const [i, piece] of pieces.entries()) {
    addFacts(tally, await factsOf(db, { ...q, ...piece }), days)
    await onStep?.(i + 1)
  }
  return safeReport(reportTables(tally))
}

/** The report now, in one piece: for a period that may be worked out in the request. */
export const reportNow = (db: Db, q: FactQuery) => workOutReport(db, q, [{ from: q.from, to: q.to }])

/** The month by month pieces a job works through, for its progress. */
export const jobPieces = (period: Period) => monthlyChunks(period)

/** Whether a report is too big to work out in the request. */
export async function needsJob(db: Db, q: FactQuery): Promise<boolean> {
  if (periodDays(q) > INLINE_DAYS) return true
  return (await enquiryCount(db, q)) > INLINE_ENQUIRIES
}

export interface StaffComments {
  comments: { comment: string; submittedAt: Date }[]
  total: number
}

/** For the provider's staff only: what people wrote in the feedback form, newest first. */
export async function staffComments(db: Db, q: FactQuery, limit = 50): Promise<StaffComments> {
  return feedbackComments(db, q, limit)
}
