// Loads what a case's deadlines are derived from, and keeps the case_deadlines index in step with
// its events (called in the same transaction as every event).
import { asc, eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { caseDeadlines, caseEvents, caseParties, cases, localAuthorities } from '../../db/schema/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { caseDeadlines as deriveDeadlines, type CaseDeadline } from './deadlines.ts'

/** A case's events in the order they were recorded: the order the workflow saw them. */
export async function eventsOf(q: Db | Tx, caseId: string) {
  return q
    .select({ id: caseEvents.id, type: caseEvents.type, occurredOn: caseEvents.occurredOn, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
}

export async function deadlinesOf(q: Db | Tx, clock: Clock, caseId: string): Promise<CaseDeadline[]> {
  const [row] = await q
    .select({ status: cases.status, receivedOn: cases.receivedOn, cadence: localAuthorities.updateCadenceWorkingDays })
    .from(cases)
    .leftJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, caseId))
  if (!row) return []
  const events = await eventsOf(q, caseId)
  const parties = await q
    .select({ id: caseParties.id, name: caseParties.name, role: caseParties.role })
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
  const settings = await readSettings(q as Db)
  const calendar = await currentCalendar(q as Db)
  return deriveDeadlines(
    { events, parties, status: row.status, receivedOn: row.receivedOn, cadenceWorkingDays: row.cadence ?? 10 },
    { calendar, settings, today: clock.today() },
  )
}

export async function refreshDeadlineIndex(tx: Tx, clock: Clock, caseId: string) {
  const deadlines = await deadlinesOf(tx, clock, caseId)
  await tx.delete(caseDeadlines).where(eq(caseDeadlines.caseId, caseId))
  if (deadlines.length) {
    await tx
      .insert(caseDeadlines)
      .values(deadlines.map((d) => ({ caseId, name: d.name, dueDate: d.dueDate, status: d.status })))
  }
}
