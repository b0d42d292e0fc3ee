// The case list's query: filtered, searched (by reference, or by a name close to the child's or
// a party's), sorted and paged in the database.
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import { cases } from '../../../db/schema/index.ts'
import { caseScopes, caseStatuses } from '../labels.ts'
import { isReference, type CaseListQuery, type CaseListRow } from './query.ts'

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

/** One page of the list (the last page, if asked for one past it) and how many match in all. */
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
