// The rows the preparation changes read and write, inside their transaction (service.ts and the
// *-service.ts files say when and why).
import { and, eq, isNull, max, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import {
  attendees,
  caseEvents,
  caseIssues,
  caseParties,
  cases,
  childViews,
  partyContacts,
  summaries,
} from '../../db/schema/index.ts'

export type CaseRecord = typeof cases.$inferSelect

/** The case, locked until the transaction ends. */
export async function lockCase(tx: Tx, caseId: string): Promise<CaseRecord | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  return row
}

export async function updateCase(tx: Tx, caseId: string, changes: Partial<typeof cases.$inferInsert>) {
  await tx.update(cases).set(changes).where(eq(cases.id, caseId))
}

export async function partyOfCase(tx: Tx, caseId: string, partyId: string) {
  const [party] = await tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
  return party
}

export async function partyRolesOf(tx: Tx, caseId: string): Promise<Set<string>> {
  const rows = await tx.select({ role: caseParties.role }).from(caseParties).where(eq(caseParties.caseId, caseId))
  return new Set(rows.map((p) => p.role))
}

export async function insertContact(tx: Tx, row: typeof partyContacts.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(partyContacts).values(row).returning({ id: partyContacts.id })
  return inserted!.id
}

// --- issues ---

export async function lastIssuePosition(tx: Tx, caseId: string): Promise<number> {
  const [{ last } = { last: 0 }] = await tx
    .select({ last: max(caseIssues.position) })
    .from(caseIssues)
    .where(eq(caseIssues.caseId, caseId))
  return last ?? 0
}

export async function insertIssue(tx: Tx, row: typeof caseIssues.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(caseIssues).values(row).returning({ id: caseIssues.id })
  return inserted!.id
}

/** Has the case ever had an event of this type? */
export async function hasEvent(tx: Tx, caseId: string, type: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseEvents.id })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type)))
    .limit(1)
  return !!row
}

export async function hasPartyWithRole(tx: Tx, caseId: string, role: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: caseParties.id })
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, role)))
    .limit(1)
  return !!row
}

/** The agenda: issues not merged into another, in order. */
export async function agendaOf(tx: Tx, caseId: string) {
  return tx
    .select()
    .from(caseIssues)
    .where(and(eq(caseIssues.caseId, caseId), isNull(caseIssues.mergedIntoId)))
    .orderBy(caseIssues.position, caseIssues.createdAt)
}

export async function setIssuePosition(tx: Tx, issueId: string, position: number, version: number) {
  await tx.update(caseIssues).set({ position, version }).where(eq(caseIssues.id, issueId))
}

/** Merges an issue, and whatever was merged into it, into another. */
export async function mergeIssueInto(tx: Tx, caseId: string, issue: { id: string; version: number }, intoId: string) {
  await tx
    .update(caseIssues)
    .set({ mergedIntoId: intoId, version: sql`${caseIssues.version} + 1` })
    .where(and(eq(caseIssues.caseId, caseId), eq(caseIssues.mergedIntoId, issue.id)))
  await tx
    .update(caseIssues)
    .set({ mergedIntoId: intoId, version: issue.version + 1 })
    .where(eq(caseIssues.id, issue.id))
}

// --- the child's views, attendees and summaries ---

export async function insertChildViews(tx: Tx, row: typeof childViews.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(childViews).values(row).returning({ id: childViews.id })
  return inserted!.id
}

export async function insertAttendee(tx: Tx, row: typeof attendees.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(attendees).values(row).returning({ id: attendees.id })
  return inserted!.id
}

export async function insertSummary(tx: Tx, row: typeof summaries.$inferInsert): Promise<string> {
  const [inserted] = await tx.insert(summaries).values(row).returning({ id: summaries.id })
  return inserted!.id
}

/** How many parties have sent a summary. */
export async function partiesWithSummaries(tx: Tx, caseId: string): Promise<number> {
  const rows = await tx.select({ partyId: summaries.partyId }).from(summaries).where(eq(summaries.caseId, caseId))
  return new Set(rows.map((s) => s.partyId)).size
}
