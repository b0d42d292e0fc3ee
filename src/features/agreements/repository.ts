// Queries for the meeting record, the agreement and its points. No rules here, no changes.
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  agreementAcceptances,
  agreementPoints,
  agreements,
  caseIssues,
  caseOutcomes,
  meetingRecords,
  meetings,
} from '../../db/schema/index.ts'

export type AgreementRow = typeof agreements.$inferSelect
export type PointRow = typeof agreementPoints.$inferSelect
export type MeetingRecordRow = typeof meetingRecords.$inferSelect

/** The case's agreement and its points in order, or undefined when none has been started. */
export async function agreementWithPoints(
  db: Db | Tx,
  caseId: string,
): Promise<(AgreementRow & { points: PointRow[] }) | undefined> {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.caseId, caseId))
  if (!agreement) return undefined
  const points = await db
    .select()
    .from(agreementPoints)
    .where(eq(agreementPoints.agreementId, agreement.id))
    .orderBy(asc(agreementPoints.position), asc(agreementPoints.createdAt))
  return { ...agreement, points }
}

/** The case's meeting as booked now (not cancelled), or undefined. */
export async function liveMeeting(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.caseId, caseId), isNull(meetings.cancelledAt)))
  return row
}

export async function meetingRecordOf(db: Db | Tx, meetingId: string) {
  const [row] = await db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingId))
  return row
}

/** The agenda: the issues not merged into another, in order. */
export async function agendaOf(db: Db | Tx, caseId: string) {
  const rows = await db
    .select()
    .from(caseIssues)
    .where(eq(caseIssues.caseId, caseId))
    .orderBy(asc(caseIssues.position), asc(caseIssues.createdAt))
  return rows.filter((r) => r.mergedIntoId === null)
}

export async function acceptancesOf(db: Db | Tx, agreementId: string) {
  return db
    .select()
    .from(agreementAcceptances)
    .where(eq(agreementAcceptances.agreementId, agreementId))
    .orderBy(asc(agreementAcceptances.acceptedAt))
}

export async function outcomeOf(db: Db | Tx, caseId: string) {
  const [row] = await db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, caseId))
  return row
}
