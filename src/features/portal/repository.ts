// Queries for the portal's pages. Every one is scoped to the signed-in party's own case, and the
// ones about a party's own things to that party. No rules here, no changes (changes-repository.ts).
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agreementAcceptances,
  attendees,
  caseParties,
  cases,
  childViews,
  meetingResponses,
  meetings,
  messages,
  partyAvailability,
  partyFeedback,
  partyPermissions,
  summaries,
  venues,
} from '../../db/schema/index.ts'

export async function caseRowOf(db: Db, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  return row
}

export async function partyRowOf(db: Db, partyId: string) {
  const [row] = await db.select().from(caseParties).where(eq(caseParties.id, partyId))
  return row
}

export function casesWithIds(db: Db, ids: string[]) {
  return ids.length ? db.select().from(cases).where(inArray(cases.id, ids)) : Promise.resolve([])
}

/** Whether the party accepted this version of the agreement, and when. */
export async function ownAcceptance(db: Db, agreementId: string, partyId: string, version: number) {
  const [row] = await db
    .select()
    .from(agreementAcceptances)
    .where(
      and(
        eq(agreementAcceptances.agreementId, agreementId),
        eq(agreementAcceptances.partyId, partyId),
        eq(agreementAcceptances.agreementVersion, version),
      ),
    )
  return row
}

/** The case's live meeting (not cancelled), with where it is. */
export async function liveMeeting(db: Db, caseId: string) {
  const [row] = await db
    .select({ meeting: meetings, venue: venues })
    .from(meetings)
    .leftJoin(venues, eq(venues.id, meetings.venueId))
    .where(and(eq(meetings.caseId, caseId), isNull(meetings.cancelledAt)))
    .limit(1)
  return row
}
export type LiveMeeting = NonNullable<Awaited<ReturnType<typeof liveMeeting>>>

export async function ownResponse(db: Db, meetingId: string, partyId: string) {
  const [row] = await db
    .select()
    .from(meetingResponses)
    .where(and(eq(meetingResponses.meetingId, meetingId), eq(meetingResponses.partyId, partyId)))
  return row
}

export async function ownAttendees(db: Db, caseId: string, partyId: string) {
  return db
    .select()
    .from(attendees)
    .where(and(eq(attendees.caseId, caseId), eq(attendees.partyId, partyId)))
    .orderBy(asc(attendees.createdAt), asc(attendees.name))
}

export async function ownAvailability(db: Db, partyId: string) {
  return db
    .select()
    .from(partyAvailability)
    .where(eq(partyAvailability.partyId, partyId))
    .orderBy(asc(partyAvailability.day))
}

/**
 * Each party's latest summary (no bytes, and not who on the staff sent it in for them): the
 * caller decides which it may show.
 */
export async function latestSummaries(db: Db, caseId: string) {
  const rows = await db
    .select({
      id: summaries.id,
      partyId: summaries.partyId,
      text: summaries.text,
      fileName: summaries.fileName,
      fileType: summaries.fileType,
      fileSize: summaries.fileSize,
      submittedAt: summaries.submittedAt,
    })
    .from(summaries)
    .where(eq(summaries.caseId, caseId))
    .orderBy(desc(summaries.submittedAt), desc(summaries.id))
  const latest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.partyId)) latest.set(row.partyId, row)
  return latest
}

/** The child's views as the parties may read them: the words, when, and who they may be shown to. */
export function childViewsOf(db: Db, caseId: string) {
  return db
    .select({
      views: childViews.views,
      gatheredOn: childViews.gatheredOn,
      shareWith: childViews.shareWith,
      consentToShare: childViews.consentToShare,
    })
    .from(childViews)
    .where(eq(childViews.caseId, caseId))
}

/** The parties of the case, names only: never their contact details. */
export async function partyNamesOf(db: Db, caseId: string) {
  return db
    .select({
      id: caseParties.id,
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
    })
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
}

/** Those who referred the family (who may be given the family's permission to act for them). */
export function referrersOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'referrer')))
}

/** Letters addressed to this party. */
export async function lettersTo(db: Db, partyId: string) {
  return db
    .select({
      id: messages.id,
      subject: messages.subject,
      createdAt: messages.createdAt,
      sentAt: messages.sentAt,
      status: messages.status,
    })
    .from(messages)
    .where(and(eq(messages.partyId, partyId), eq(messages.channel, 'letter')))
    .orderBy(desc(messages.createdAt))
}

export async function letterTo(db: Db, partyId: string, messageId: string) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.partyId, partyId), eq(messages.channel, 'letter')))
  return row
}

/** A party as staff lists of permissions and feedback name them. */
const partyColumns = {
  id: caseParties.id,
  name: caseParties.name,
  organisation: caseParties.organisation,
  role: caseParties.role,
}

/** Who acts for the family on this case: permissions given to third parties, standing or withdrawn. */
export async function permissionsOf(db: Db, caseId: string) {
  return db
    .select({ permission: partyPermissions, party: partyColumns })
    .from(partyPermissions)
    .innerJoin(caseParties, eq(caseParties.id, partyPermissions.partyId))
    .where(eq(partyPermissions.caseId, caseId))
    .orderBy(desc(partyPermissions.createdAt))
}

export async function feedbackOf(db: Db, caseId: string) {
  return db
    .select({ feedback: partyFeedback, party: partyColumns })
    .from(partyFeedback)
    .innerJoin(caseParties, eq(caseParties.id, partyFeedback.partyId))
    .where(eq(partyFeedback.caseId, caseId))
    .orderBy(desc(partyFeedback.submittedAt))
}
