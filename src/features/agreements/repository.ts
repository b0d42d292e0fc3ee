// Queries that read the meeting record, the agreement and its points. No rules here, no changes
// (draft-repository.ts and follow-through-repository.ts write).
import { and, asc, eq, inArray, isNull, like } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  agreementAcceptances,
  agreementPoints,
  agreements,
  attendees,
  caseIssues,
  caseOutcomes,
  caseParties,
  cases,
  meetingRecords,
  meetings,
  messages,
} from '../../db/schema/index.ts'
import { inPartyOrder, isPreparingParty, partyLabel } from '../preparation/index.ts'

type Q = Db | Tx

export type AgreementRow = typeof agreements.$inferSelect
export type PointRow = typeof agreementPoints.$inferSelect
export type MeetingRecordRow = typeof meetingRecords.$inferSelect

/** The case's agreement and its points in order, or undefined when none has been started. */
export async function agreementWithPoints(
  db: Q,
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

/** One point of the case's agreement. */
export async function pointOfCase(db: Q, caseId: string, pointId: string) {
  const [row] = await db
    .select()
    .from(agreementPoints)
    .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.caseId, caseId)))
  return row
}

/** The case's meeting as booked now (not cancelled), or undefined. */
export async function liveMeeting(db: Q, caseId: string) {
  const [row] = await db
    .select()
    .from(meetings)
    .where(and(eq(meetings.caseId, caseId), isNull(meetings.cancelledAt)))
  return row
}

export async function meetingRecordOf(db: Q, meetingId: string) {
  const [row] = await db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingId))
  return row
}

/** The agenda: the issues not merged into another, in order. */
export async function agendaOf(db: Q, caseId: string) {
  const rows = await db
    .select()
    .from(caseIssues)
    .where(eq(caseIssues.caseId, caseId))
    .orderBy(asc(caseIssues.position), asc(caseIssues.createdAt))
  return rows.filter((r) => r.mergedIntoId === null)
}

export async function acceptancesOf(db: Q, agreementId: string, version?: number) {
  return db
    .select()
    .from(agreementAcceptances)
    .where(
      and(
        eq(agreementAcceptances.agreementId, agreementId),
        version === undefined ? undefined : eq(agreementAcceptances.agreementVersion, version),
      ),
    )
    .orderBy(asc(agreementAcceptances.acceptedAt))
}

export async function outcomeOf(db: Q, caseId: string) {
  const [row] = await db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, caseId))
  return row
}

export type CaseParty = typeof caseParties.$inferSelect

/** The parties to the mediation (not whoever referred the family), in a steady order. */
export async function mediationParties(db: Q, caseId: string) {
  const rows = await db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
  return inPartyOrder(rows.filter(isPreparingParty)).map((p) => ({ ...p, label: partyLabel(p) }))
}

/** A party of the case who takes part in the mediation, or undefined. */
export async function mediationParty(db: Q, caseId: string, partyId: string) {
  const [party] = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
  return party && isPreparingParty(party) ? party : undefined
}

/** The people expected at the meeting, as the record lists them. */
export async function expectedAttendees(db: Q, caseId: string) {
  return db.select().from(attendees).where(eq(attendees.caseId, caseId))
}

export async function caseRowOf(db: Q, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  return row
}

/**
 * The copies of this version of a final agreement that were queued for these parties, and how
 * far each has got (the outbox's status), so a page says only what was done.
 */
export async function agreementCopies(db: Q, agreementId: string, version: number, partyIds: string[]) {
  if (!partyIds.length) return []
  return db
    .select({ partyId: messages.partyId, status: messages.status, channel: messages.channel })
    .from(messages)
    .where(
      and(inArray(messages.partyId, partyIds), like(messages.dedupeKey, `agreement-copy:${agreementId}:${version}:%`)),
    )
}
