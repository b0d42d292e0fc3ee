// Queries for the case pages. No rules here: who may see what is in access.ts.
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agencies,
  caseEvents,
  caseParties,
  cases,
  localAuthorities,
  scopeDecisions,
  users,
} from '../../db/schema/index.ts'
import { caseReferencePattern } from '../../domain/case-reference.ts'
import { caseScopes, caseStatuses } from './labels.ts'

export const sortKeys = ['reference', 'child', 'scope', 'status', 'received'] as const
export type SortKey = (typeof sortKeys)[number]
export type SortOrder = 'asc' | 'desc'

export interface CaseListQuery {
  /** Who may see what, from access.ts. */
  visible: SQL
  search?: string
  statuses: string[]
  scopes: string[]
  channels: string[]
  /** YYYY-MM-DD, England's dates, inclusive. */
  receivedFrom?: string
  receivedTo?: string
  /** No sort while searching: best match first. */
  sort?: SortKey
  order: SortOrder
  page: number
  pageSize: number
}

export interface CaseListRow {
  id: string
  reference: string
  childName: string
  scope: string
  status: string
  receivedOn: string
}

/** A search that looks like a reference finds that case only. */
export const isReference = (search: string) => caseReferencePattern.test(search.toUpperCase())

/** An SQL list in a fixed order, for sorting by the order the labels are in rather than by key. */
const positionIn = (keys: readonly string[], column: typeof cases.scope | typeof cases.status) =>
  sql`array_position(array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[], ${column})`

function nameMatches(search: string): SQL {
  // Each branch can use its GIN trigram index: a misspelt whole name (%) or a close word (<%).
  return sql`${cases.id} in (
    select c.id from cases c where c.child_name % ${search} or ${search} <% c.child_name
    union
    select p.case_id from case_parties p where p.name % ${search} or ${search} <% p.name)`
}

function bestMatch(search: string): SQL {
  return sql`greatest(
    similarity(${cases.childName}, ${search}),
    word_similarity(${search}, ${cases.childName}),
    coalesce((select max(greatest(similarity(p.name, ${search}), word_similarity(${search}, p.name)))
      from case_parties p where p.case_id = ${cases.id}), 0))`
}

function conditions(q: CaseListQuery): SQL[] {
  const where: SQL[] = [q.visible]
  if (q.statuses.length) where.push(inArray(cases.status, q.statuses))
  if (q.scopes.length) where.push(inArray(cases.scope, q.scopes))
  if (q.channels.length) where.push(inArray(cases.channel, q.channels))
  if (q.receivedFrom) where.push(gte(cases.receivedOn, q.receivedFrom))
  if (q.receivedTo) where.push(lte(cases.receivedOn, q.receivedTo))
  if (q.search) where.push(isReference(q.search) ? eq(cases.reference, q.search.toUpperCase()) : nameMatches(q.search))
  return where
}

function ordering(q: CaseListQuery): SQL[] {
  const dir = q.order === 'asc' ? asc : desc
  if (!q.sort && q.search && !isReference(q.search))
    return [desc(bestMatch(q.search)), desc(cases.receivedOn), desc(cases.createdAt), desc(cases.reference)]
  switch (q.sort ?? 'received') {
    case 'reference':
      return [dir(cases.reference)]
    case 'child':
      return [dir(sql`lower(${cases.childName})`), dir(cases.reference)]
    case 'scope':
      return [dir(positionIn(Object.keys(caseScopes), cases.scope)), dir(cases.reference)]
    case 'status':
      return [dir(positionIn(Object.keys(caseStatuses), cases.status)), dir(cases.status), dir(cases.reference)]
    case 'received':
      return [dir(cases.receivedOn), dir(cases.createdAt), dir(cases.reference)]
  }
}

export async function listCases(
  db: Db,
  q: CaseListQuery,
): Promise<{ rows: CaseListRow[]; total: number; page: number }> {
  const where = and(...conditions(q))
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(cases).where(where)
  const lastPage = Math.max(1, Math.ceil(n / q.pageSize))
  const page = Math.min(q.page, lastPage)
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      childName: cases.childName,
      scope: cases.scope,
      status: cases.status,
      receivedOn: cases.receivedOn,
    })
    .from(cases)
    .where(where)
    .orderBy(...ordering(q))
    .limit(q.pageSize)
    .offset((page - 1) * q.pageSize)
  return { rows, total: n, page }
}

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

export async function partiesOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(desc(caseParties.isRequester), asc(caseParties.createdAt), asc(caseParties.id))
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
      decidedBy: users.name,
      agencyName: agencies.name,
    })
    .from(scopeDecisions)
    .innerJoin(users, eq(users.id, scopeDecisions.decidedBy))
    .leftJoin(agencies, eq(agencies.id, scopeDecisions.signpostAgencyId))
    .where(eq(scopeDecisions.caseId, caseId))
    .orderBy(desc(scopeDecisions.decidedAt))
    .limit(1)
  return row
}

export async function listAgencies(db: Db) {
  return db.select().from(agencies).orderBy(asc(agencies.sortOrder), asc(agencies.name))
}
