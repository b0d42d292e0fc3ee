// The complaints procedure as rules: its stages in order, each stage's deadlines in working days
// from its start, what counts as answered in time, and the Civil Mediation Council's route after
// the provider's last stage (within 1 month of the outcome and 6 months of the events).
import type { Calendar } from './calendar.ts'
import { addMonths, type IsoDate } from './dates.ts'

export const complaintStageKeys = ['informal', 'formal', 'review'] as const
export type ComplaintStage = (typeof complaintStageKeys)[number]

export const stageNames: Record<ComplaintStage, string> = {
  informal: 'Informal resolution',
  formal: 'Formal investigation',
  review: 'Review by a senior manager',
}

export const outcomeKeys = ['upheld', 'partly-upheld', 'not-upheld'] as const
export type ComplaintOutcome = (typeof outcomeKeys)[number]

export const outcomeNames: Record<ComplaintOutcome, string> = {
  upheld: 'Upheld',
  'partly-upheld': 'Partly upheld',
  'not-upheld': 'Not upheld',
}

/** Where a complaint stands: a stage under way, a stage answered (they may ask for the next), or finished. */
export type ComplaintStatus = 'open' | 'answered' | 'closed'

export const statusNames: Record<ComplaintStatus, string> = {
  open: 'Open',
  answered: 'Answered: they may ask for the next stage',
  closed: 'Closed',
}

/** The stage after this one; undefined after the provider's last stage. */
export function nextStage(stage: ComplaintStage): ComplaintStage | undefined {
  return complaintStageKeys[complaintStageKeys.indexOf(stage) + 1]
}

export const isLastStage = (stage: ComplaintStage) => nextStage(stage) === undefined

/** Each stage: acknowledged within, and answered within, so many working days (the council's settings). */
export interface ComplaintDeadlineDays {
  acknowledgeWorkingDays: number
  responseWorkingDays: number
}

/** A stage's deadlines, counted in working days from the day it started. */
export function stageDeadlines(calendar: Calendar, startedOn: IsoDate, days: ComplaintDeadlineDays) {
  return {
    acknowledgeBy: calendar.addWorkingDays(startedOn, days.acknowledgeWorkingDays),
    respondBy: calendar.addWorkingDays(startedOn, days.responseWorkingDays),
  }
}

export interface StageTimes {
  respondBy: IsoDate
  respondedOn: IsoDate | null
}

/** Answered in time: every stage it went through was answered, each by its own deadline. */
export function answeredInTime(stages: readonly StageTimes[]): boolean {
  return stages.length > 0 && stages.every((s) => s.respondedOn !== null && s.respondedOn <= s.respondBy)
}

/** The status once a stage is answered: closed after the last stage, else answered. */
export const statusAfterResponse = (stage: ComplaintStage): ComplaintStatus =>
  isLastStage(stage) ? 'closed' : 'answered'

/**
 * The Civil Mediation Council takes a complaint within 1 month of the provider's final outcome and
 * within 6 months of the events: both dates, and the earlier, which is the one that matters.
 * Calendar months, as the CMC counts them (a month from 31 January is 28 or 29 February).
 */
export function cmcDates(outcomeOn: IsoDate, happenedOn: IsoDate) {
  const monthAfterOutcome = addMonths(outcomeOn, 1)
  const sixMonthsAfterEvents = addMonths(happenedOn, 6)
  const by = monthAfterOutcome < sixMonthsAfterEvents ? monthAfterOutcome : sixMonthsAfterEvents
  return { monthAfterOutcome, sixMonthsAfterEvents, by, passed: by < outcomeOn }
}

/** The routes a complainant is told of after the provider's last stage. */
export const routeKeys = ['cmc', 'council'] as const
export type NextRoute = (typeof routeKeys)[number]
