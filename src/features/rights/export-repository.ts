// What a subject access export reads of one case: the case, its parties, its events, the messages
// sent to the person, what they wrote or said before the meeting, the child's views (when the
// person is the child), the agreement and the certificates. Reads only; the service decides what
// goes in and what is marked as other people's.
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agreementPoints,
  agreements,
  caseEvents,
  caseParties,
  cases,
  certificates,
  childViews,
  localAuthorities,
  messages,
  partyContacts,
  summaries,
} from '../../db/schema/index.ts'

export async function caseWithCouncil(db: Db, caseId: string) {
  const [row] = await db
    .select({ case: cases, council: localAuthorities.name })
    .from(cases)
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, caseId))
  return row
}

export async function partiesOfCase(db: Db, caseId: string) {
  return db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.id))
}

export async function eventsOfCase(db: Db, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.id))
}

/** The messages sent to these parties of the case, oldest first. */
export async function messagesTo(db: Db, caseId: string, partyIds: string[]) {
  if (!partyIds.length) return []
  return db
    .select({
      id: messages.id,
      partyId: messages.partyId,
      channel: messages.channel,
      recipientName: messages.recipientName,
      recipientAddress: messages.recipientAddress,
      templateKey: messages.templateKey,
      subject: messages.subject,
      body: messages.body,
      status: messages.status,
      sentAt: messages.sentAt,
      createdAt: messages.createdAt,
    })
    .from(messages)
    .where(and(eq(messages.caseId, caseId), inArray(messages.partyId, partyIds)))
    .orderBy(asc(messages.createdAt), asc(messages.id))
}

/** What these parties gave before the meeting (their summaries) and the record of each contact with them. */
export async function preparationOf(db: Db, caseId: string, partyIds: string[]) {
  if (!partyIds.length) return { summaries: [], contacts: [] }
  const [written, contacts] = await Promise.all([
    db
      .select({
        partyId: summaries.partyId,
        text: summaries.text,
        fileName: summaries.fileName,
        fileType: summaries.fileType,
        file: summaries.file,
        submittedAt: summaries.submittedAt,
      })
      .from(summaries)
      .where(and(eq(summaries.caseId, caseId), inArray(summaries.partyId, partyIds)))
      .orderBy(asc(summaries.submittedAt)),
    db
      .select()
      .from(partyContacts)
      .where(and(eq(partyContacts.caseId, caseId), inArray(partyContacts.partyId, partyIds))),
  ])
  return { summaries: written, contacts }
}

export async function childViewsOf(db: Db, caseId: string) {
  return db
    .select({ views: childViews.views, gatheredBy: childViews.gatheredBy, gatheredOn: childViews.gatheredOn })
    .from(childViews)
    .where(eq(childViews.caseId, caseId))
}

export async function agreementOf(db: Db, caseId: string) {
  const [agreement] = await db.select().from(agreements).where(eq(agreements.caseId, caseId))
  if (!agreement) return undefined
  const points = await db
    .select()
    .from(agreementPoints)
    .where(eq(agreementPoints.agreementId, agreement.id))
    .orderBy(asc(agreementPoints.position))
  return { agreement, points }
}

export async function certificatesOfCase(db: Db, caseId: string) {
  return db.select().from(certificates).where(eq(certificates.caseId, caseId)).orderBy(asc(certificates.createdAt))
}
