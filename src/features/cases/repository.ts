// Queries for one case: its pages' reads, locking and changing it, its events, its deadline
// index and the access log. The list, new cases and certificates have their own (list/,
// new-case-repository.ts, certificate-repository.ts). No rules here: who may see what is in access.ts.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  accessLog,
  agencies,
  caseEvents,
  caseParties,
  cases,
  caseDeadlines,
  localAuthorities,
  scopeDecisions,
  users,
} from '../../db/schema/index.ts'

export async function findCase(db: Db, id: string) {
  const [row] = await db
    .select({ case: cases, localAuthorityName: localAuthorities.name })
    .from(cases)
    .leftJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, id))
  if (!row) return undefined
  return { ...row.case, localAuthorityName: row.localAuthorityName }
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>

export async function partiesOf(db: Db | Tx, caseId: string) {
  return db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(desc(caseParties.isRequester), asc(caseParties.createdAt), asc(caseParties.id))
}

/** A case's events in the order they were recorded: the order the workflow saw them. */
export async function eventsInRecordedOrder(q: Db | Tx, caseId: string) {
  return q
    .select({ id: caseEvents.id, type: caseEvents.type, occurredOn: caseEvents.occurredOn, data: caseEvents.data })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
}

/** What a case's deadlines start from, besides its events and parties. */
export async function deadlineFactsOf(q: Db | Tx, caseId: string) {
  const [row] = await q
    .select({ status: cases.status, receivedOn: cases.receivedOn, cadence: localAuthorities.updateCadenceWorkingDays })
    .from(cases)
    .leftJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, caseId))
  return row
}

/** The "what is due" index of one case, replaced whole. */
export async function replaceDeadlineIndex(
  tx: Tx,
  caseId: string,
  deadlines: { name: string; dueDate: string; status: string; partyId: string | null }[],
) {
  await tx.delete(caseDeadlines).where(eq(caseDeadlines.caseId, caseId))
  if (deadlines.length) {
    await tx
      .insert(caseDeadlines)
      .values(
        deadlines.map((d) => ({ caseId, name: d.name, dueDate: d.dueDate, status: d.status, partyId: d.partyId })),
      )
  }
}

/** The case, locked until the transaction ends: changes to one case happen one at a time. */
export async function lockCase(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  return row
}

/** The case's derived columns after a change, with its version moved on. */
export async function updateCase(
  tx: Tx,
  caseId: string,
  change: Partial<Pick<typeof cases.$inferInsert, 'status' | 'scope' | 'assignedTo'>> & {
    version: number
    updatedAt: Date
  },
) {
  await tx.update(cases).set(change).where(eq(cases.id, caseId))
}

/** The name of a staff member (the person looking after a case, say). */
export async function staffName(db: Db | Tx, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
  return row?.name
}

/** Newest first: by the day it happened, then by the order it was recorded. */
export async function eventsOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.occurredOn), desc(caseEvents.id))
}

export async function latestEventOf(db: Db, caseId: string, type: string) {
  const [row] = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type)))
    .orderBy(desc(caseEvents.id))
    .limit(1)
  return row
}

export async function latestScopeDecision(db: Db, caseId: string) {
  const [row] = await db
    .select({
      scope: scopeDecisions.scope,
      reason: scopeDecisions.reason,
      decidedAt: scopeDecisions.decidedAt,
      // A member of staff, or the council's system through the API (its words).
      decidedBy: sql<string>`coalesce(${users.name}, ${scopeDecisions.decidedByLabel}, 'Not recorded')`,
      agencyName: agencies.name,
      appealSubject: scopeDecisions.appealSubject,
    })
    .from(scopeDecisions)
    .leftJoin(users, eq(users.id, scopeDecisions.decidedBy))
    .leftJoin(agencies, eq(agencies.id, scopeDecisions.signpostAgencyId))
    .where(eq(scopeDecisions.caseId, caseId))
    .orderBy(desc(scopeDecisions.decidedAt))
    .limit(1)
  return row
}

export async function findAgency(db: Db | Tx, id: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.id, id))
  return row
}

/** An agency by its code (sendiass, ...), as the API names it. */
export async function findAgencyByCode(db: Db | Tx, code: string) {
  const [row] = await db.select({ id: agencies.id, name: agencies.name }).from(agencies).where(eq(agencies.code, code))
  return row
}

export async function insertScopeDecision(tx: Tx, decision: typeof scopeDecisions.$inferInsert) {
  await tx.insert(scopeDecisions).values(decision)
}

export async function listAgencies(db: Db) {
  return db.select().from(agencies).orderBy(asc(agencies.sortOrder), asc(agencies.name))
}

export async function insertEvent(tx: Tx, event: typeof caseEvents.$inferInsert) {
  const [row] = await tx.insert(caseEvents).values(event).returning()
  return row!
}

export type NewAccessRecord = typeof accessLog.$inferInsert

/** Rows of the access log, in one statement. */
export async function insertAccessRecords(db: Db, records: NewAccessRecord[]) {
  await db.insert(accessLog).values(records)
}

/** The case, if it meets `condition` (who may see it, from access.ts). */
export async function caseMeeting(db: Db, caseId: string, condition: SQL) {
  const [row] = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.id, caseId), condition))
  return row
}

/** A party of this case (undefined for anyone else's). */
export async function partyOfCase(tx: Tx, caseId: string, partyId: string) {
  const [party] = await tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
  return party
}
