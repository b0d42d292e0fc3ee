// Queries for the preparation pages. No rules here (rules.ts); the changes' rows are in
// change-repository.ts.
import { and, asc, desc, eq, ne, notExists } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  attendees,
  caseIssues,
  caseParties,
  childViews,
  partyContacts,
  summaries,
  users,
} from '../../db/schema/index.ts'
import { inPartyOrder, isPreparingParty, partyLabel } from './rules.ts'

export type PreparingParty = Awaited<ReturnType<typeof preparingParties>>[number]

/** The parties who prepare for the meeting, each with how a sentence names them. */
export async function preparingParties(db: Db, caseId: string) {
  const rows = await db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
  return inPartyOrder(rows.filter(isPreparingParty)).map((p) => ({ ...p, label: partyLabel(p) }))
}

export async function contactsOf(db: Db, caseId: string) {
  return db
    .select({
      id: partyContacts.id,
      partyId: partyContacts.partyId,
      contactedOn: partyContacts.contactedOn,
      method: partyContacts.method,
      note: partyContacts.note,
      by: users.name,
      createdAt: partyContacts.createdAt,
    })
    .from(partyContacts)
    .innerJoin(users, eq(users.id, partyContacts.byUserId))
    .where(eq(partyContacts.caseId, caseId))
    .orderBy(desc(partyContacts.contactedOn), desc(partyContacts.createdAt))
}

/** Every issue, merged ones too, in agenda order. */
export async function issuesOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseIssues)
    .where(eq(caseIssues.caseId, caseId))
    .orderBy(asc(caseIssues.position), asc(caseIssues.createdAt))
}

export async function childViewsOf(db: Db, caseId: string) {
  return db
    .select({
      id: childViews.id,
      views: childViews.views,
      gatheredBy: childViews.gatheredBy,
      gatheredOn: childViews.gatheredOn,
      shareWith: childViews.shareWith,
      consentToShare: childViews.consentToShare,
      recordedBy: users.name,
      createdAt: childViews.createdAt,
    })
    .from(childViews)
    .innerJoin(users, eq(users.id, childViews.recordedBy))
    .where(eq(childViews.caseId, caseId))
    .orderBy(desc(childViews.gatheredOn), desc(childViews.createdAt))
}

export async function attendeesOf(db: Db, caseId: string) {
  return db
    .select()
    .from(attendees)
    .where(eq(attendees.caseId, caseId))
    .orderBy(asc(attendees.createdAt), asc(attendees.name))
}

/** Each party's latest summary, without the file's bytes. */
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
      submittedBy: users.name,
    })
    .from(summaries)
    .leftJoin(users, eq(users.id, summaries.submittedBy))
    .where(eq(summaries.caseId, caseId))
    .orderBy(desc(summaries.submittedAt), desc(summaries.id))
  const latest = new Map<string, (typeof rows)[number]>()
  for (const row of rows) if (!latest.has(row.partyId)) latest.set(row.partyId, row)
  return latest
}

export async function summaryFile(db: Db, caseId: string, summaryId: string) {
  const [row] = await db
    .select({
      id: summaries.id,
      partyId: summaries.partyId,
      fileName: summaries.fileName,
      fileType: summaries.fileType,
      file: summaries.file,
    })
    .from(summaries)
    .where(and(eq(summaries.caseId, caseId), eq(summaries.id, summaryId)))
  return row
}

/** The parties (not whoever asked for the family) with no contact recorded yet. */
export async function partiesNotContacted(db: Db | Tx, caseId: string) {
  const rows = await db
    .select({
      id: caseParties.id,
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
    })
    .from(caseParties)
    .where(
      and(
        eq(caseParties.caseId, caseId),
        ne(caseParties.role, 'referrer'),
        notExists(
          db.select({ one: partyContacts.id }).from(partyContacts).where(eq(partyContacts.partyId, caseParties.id)),
        ),
      ),
    )
  return inPartyOrder(rows)
}
