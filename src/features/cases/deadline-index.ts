// A case's deadlines, derived from its events (deadlines.ts), and the case_deadlines index kept in
// step with them (refreshed in the same transaction as every event): the deadlines, and what
// Today also asks about (deadline-rows.ts: chasers due, an enquiry not yet answered).
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { stateFromEvents } from '../../domain/workflow.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { deadlineIndexRows } from './deadline-rows.ts'
import { caseDeadlines as deriveDeadlines, type CaseDeadline } from './deadlines.ts'
import { deadlineFactsOf, eventsInRecordedOrder, partiesOf, replaceDeadlineIndex } from './repository.ts'

export { eventsInRecordedOrder as eventsOf }

/** What a case's deadlines start from, besides its events and parties (a case page has it already). */
export interface DeadlineFacts {
  status: string
  receivedOn: string
  cadence: number | null
}

/**
 * Everything a case's deadlines are worked out from, read once: the case's status and dates,
 * its events in the order recorded, its parties, and the service's settings and calendar.
 */
export async function deadlineInputs(q: Db | Tx, caseId: string, known?: DeadlineFacts) {
  // One after another: inside a transaction the queries share one connection.
  const row = known ?? (await deadlineFactsOf(q, caseId))
  if (!row) return undefined
  const events = await eventsInRecordedOrder(q, caseId)
  const parties = await partiesOf(q, caseId)
  const settings = await readSettings(q as Db)
  const calendar = await currentCalendar(q as Db)
  return { ...row, cadenceWorkingDays: row.cadence ?? 10, events, parties, settings, calendar }
}
export type DeadlineInputs = NonNullable<Awaited<ReturnType<typeof deadlineInputs>>>

export function deadlinesFrom(inputs: DeadlineInputs, today: string): CaseDeadline[] {
  return deriveDeadlines(inputs, { calendar: inputs.calendar, settings: inputs.settings, today })
}

export async function deadlinesOf(q: Db | Tx, clock: Clock, caseId: string): Promise<CaseDeadline[]> {
  const inputs = await deadlineInputs(q, caseId)
  return inputs ? deadlinesFrom(inputs, clock.today()) : []
}

/**
 * Where a case is: its workflow state and deadlines from one reading of its events, with the
 * parties, settings and calendar they came from, for pages that show more of them. A page that
 * has read the case passes its facts, saving a query.
 */
export async function caseSnapshot(q: Db | Tx, clock: Clock, caseId: string, known?: DeadlineFacts) {
  const inputs = await deadlineInputs(q, caseId, known)
  const events = inputs?.events ?? []
  return {
    state: stateFromEvents(events),
    deadlines: inputs ? deadlinesFrom(inputs, clock.today()) : [],
    events,
    inputs,
  }
}

export async function refreshDeadlineIndex(tx: Tx, clock: Clock, caseId: string) {
  const inputs = await deadlineInputs(tx, caseId)
  const rows = inputs
    ? deadlineIndexRows(deadlinesFrom(inputs, clock.today()), inputs, {
        calendar: inputs.calendar,
        chaserWorkingDays: inputs.settings.chaserWorkingDays,
      })
    : []
  await replaceDeadlineIndex(tx, caseId, rows)
}
