// Queries for the messages pages: the outbox as lists, one message, what could not be delivered,
// staff's changes to one message, and who in a case can be sent an update.
import { and, asc, count, desc, eq, inArray, like, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { caseDeadlines, caseParties, cases, localAuthorities, messages } from '../../db/schema/index.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { caseWorkers, visibleCases } from '../cases/index.ts'

const listColumns = {
  id: messages.id,
  caseId: messages.caseId,
  reference: cases.reference,
  channel: messages.channel,
  recipientName: messages.recipientName,
  recipientAddress: messages.recipientAddress,
  subject: messages.subject,
  templateKey: messages.templateKey,
  status: messages.status,
  attempts: messages.attempts,
  lastError: messages.lastError,
  createdAt: messages.createdAt,
  sentAt: messages.sentAt,
  largePrint: messages.largePrint,
}

/**
 * A condition on `messages` for those this person may see: a case's messages when they may see the
 * case; for managers and administrators also messages of no case, when sent to a party of a case
 * they may see. An administrator sees every message.
 */
export function visibleMessages(user: StaffUser): SQL {
  if (hasRole(user, ...caseWorkers) && user.councils === 'all') return sql`true`
  const ofCase = sql`(${messages.caseId} is not null and exists (select 1 from ${cases}
    where ${cases.id} = ${messages.caseId} and ${visibleCases(user)}))`
  if (!hasRole(user, 'manager', 'administrator')) return ofCase
  const ofParty = sql`(${messages.caseId} is null and exists (select 1 from ${caseParties}
    join ${cases} on ${cases.id} = ${caseParties.caseId}
    where ${caseParties.id} = ${messages.partyId} and ${visibleCases(user)}))`
  return or(ofCase, ofParty)!
}

export interface MessageFilter {
  status?: string
  channel?: string
  page: number
  pageSize: number
}

export async function listMessages(db: Db, user: StaffUser, filter: MessageFilter) {
  const where = and(
    visibleMessages(user),
    filter.status ? eq(messages.status, filter.status) : undefined,
    filter.channel ? eq(messages.channel, filter.channel) : undefined,
  )
  const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(messages).where(where)
  const lastPage = Math.max(1, Math.ceil(Number(total) / filter.pageSize))
  const page = Math.min(Math.max(1, filter.page), lastPage)
  const rows = await db
    .select(listColumns)
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .where(where)
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(filter.pageSize)
    .offset((page - 1) * filter.pageSize)
  return { rows, total: Number(total), page, lastPage }
}

export function messagesOfCase(db: Db, caseId: string) {
  return db
    .select(listColumns)
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .where(eq(messages.caseId, caseId))
    .orderBy(desc(messages.createdAt), desc(messages.id))
}

/** One message, if this person may see it (`user`), or whoever asks (none given: a case's page checked the case). */
export async function findMessage(db: Db, id: string, user?: StaffUser) {
  const [row] = await db
    .select({ message: messages, reference: cases.reference })
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .where(and(eq(messages.id, id), user ? visibleMessages(user) : undefined))
  return row ? { ...row.message, reference: row.reference } : undefined
}
export type MessageRow = NonNullable<Awaited<ReturnType<typeof findMessage>>>

/** Messages that could not be delivered, for Today: those this person may see (visibleMessages). */
export function undeliveredFor(db: Db, user: StaffUser, limit = 100) {
  return db
    .select(listColumns)
    .from(messages)
    .leftJoin(cases, eq(cases.id, messages.caseId))
    .where(and(inArray(messages.status, ['failed']), visibleMessages(user)))
    .orderBy(desc(messages.createdAt))
    .limit(limit)
}

/** A failed message (or one kept while its channel was not set up) due again now; false if it is neither. */
export async function requeue(db: Db, id: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(messages)
    .set({ status: 'queued', attempts: 0, nextAttemptAt: now, lockedUntil: null })
    .where(and(eq(messages.id, id), inArray(messages.status, ['failed', 'kept']), ne(messages.channel, 'letter')))
    .returning({ id: messages.id })
  return rows.length === 1
}

/** A letter marked sent by whoever posted it; undefined if it is not a letter waiting to be posted. */
export async function markLetterPosted(tx: Tx, id: string, postedBy: string, now: Date) {
  const [row] = await tx
    .update(messages)
    .set({ status: 'sent', sentAt: now, lockedUntil: null, providerReference: `Posted by ${postedBy}` })
    .where(and(eq(messages.id, id), eq(messages.channel, 'letter'), ne(messages.status, 'sent')))
    .returning()
  return row
}

/** The provider's own details (the first commissioning council's): for messages of no case, and previews. */
export async function providerCouncil(db: Db | Tx) {
  const [row] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  return row
}

/** The settings of the council a case is under: its service name, contact details and letters. */
export async function caseCouncil(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select({ council: localAuthorities })
    .from(cases)
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, caseId))
  return row?.council
}

export async function caseRowOf(db: Db | Tx, caseId: string) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  return row
}

/** The case's update clocks, one a person ('update:<partyId>'). */
export function updateDeadlinesOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseDeadlines)
    .where(and(eq(caseDeadlines.caseId, caseId), like(caseDeadlines.name, 'update:%')))
}
