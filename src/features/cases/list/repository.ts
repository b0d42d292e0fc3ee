// The case list's queries: filtered, searched (by reference through its unique index, or by a name
// close to the child's or a party's through search_names), sorted and paged in the database. A
// page is read after (or before) a row of the page next to it (keyset paging), so a deep page costs
// what the first does; only the first pages may be read by number (OFFSET, at most MAX_OFFSET
// rows). Counts stop at COUNT_LIMIT + 1 rows.
import { and, asc, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
import { PgDialect } from 'drizzle-orm/pg-core'
import type { Db } from '../../../db/client.ts'
import { cases } from '../../../db/schema/index.ts'
import { caseScopes, caseStatuses } from '../labels.ts'
import { isReference, type CaseListQuery, type CaseListRow } from './query.ts'

/** Counts stop here: past it the list says "more than 1,000". */
export const COUNT_LIMIT = 1000
/** The most rows a page read by number skips. */
export const MAX_OFFSET = 1000
/** The close names a search looks for cases under, best first. */
const MAX_NAMES = 40

/** An SQL list in a fixed order, for sorting by the order the labels are in rather than by key. */
const positionIn = (keys: readonly string[], column: typeof cases.scope | typeof cases.status) =>
  sql`array_position(array[${sql.join(
    keys.map((k) => sql`${k}`),
    sql`, `,
  )}]::text[], ${column})`

/** A search as names are kept in search_names: lower case, single spaces (the database's search_name()). */
export const searchText = (search: string) => search.trim().replace(/\s+/g, ' ').toLowerCase()

/** A name close to the search, and how close (0 to 1). */
export interface CloseName {
  id: number
  score: number
}

/** The close names, best first: a misspelt whole name (%) or a close word (<%), both through the trigram index. */
export async function closeNames(db: Db, search: string): Promise<CloseName[]> {
  const text = searchText(search)
  const result = await db.execute<{ id: number; score: number }>(sql`select s.id,
      greatest(similarity(s.name, ${text}), word_similarity(${text}, s.name)) as score
    from search_names s where s.name % ${text} or ${text} <% s.name
    order by score desc, s.id limit ${MAX_NAMES}`)
  return result.rows.map((r) => ({ id: Number(r.id), score: Number(r.score) }))
}

/** The close names as a table (id, score) in a query. */
const namesTable = (names: CloseName[]) => sql`(select * from unnest(
    ${`{${names.map((n) => n.id).join(',')}}`}::bigint[], ${`{${names.map((n) => n.score).join(',')}}`}::float8[]
  ) as names(id, score))`

const dialect = new PgDialect()
/** Nothing to check on each case: no filter, and a condition of who may see what that lets them see every case. */
const nothingToCheck = (q: CaseListQuery) => filters(q).every((f) => dialect.sqlToQuery(f).sql.trim() === 'true')

function filters(q: CaseListQuery): SQL[] {
  const where: SQL[] = [q.visible]
  if (q.statuses.length) where.push(inArray(cases.status, q.statuses))
  if (q.scopes.length) where.push(inArray(cases.scope, q.scopes))
  if (q.channels.length) where.push(inArray(cases.channel, q.channels))
  if (q.receivedFrom) where.push(gte(cases.receivedOn, q.receivedFrom))
  if (q.receivedTo) where.push(lte(cases.receivedOn, q.receivedTo))
  return where
}

/** The list's filters and search as conditions on `cases` (an export of the list uses them too: export.ts). */
export function conditions(q: CaseListQuery, names?: CloseName[]): SQL[] {
  const where = filters(q)
  if (q.search && isReference(q.search)) where.push(eq(cases.reference, q.search.toUpperCase()))
  else if (q.search)
    where.push(sql`${cases.reference} in (select cn.reference from ${namesTable(names ?? [])} n
      join case_names cn on cn.name_id = n.id)`)
  return where
}

/** The columns a sort orders by, in order, each the same way; the last (the reference) is unique. */
function sortKeys(q: CaseListQuery): SQL[] {
  switch (q.sort ?? 'received') {
    case 'reference':
      return [sql`${cases.reference}`]
    case 'child':
      return [sql`lower(${cases.childName})`, sql`${cases.reference}`]
    case 'scope':
      return [positionIn(Object.keys(caseScopes), cases.scope), sql`${cases.reference}`]
    case 'status':
      return [positionIn(Object.keys(caseStatuses), cases.status), sql`${cases.status}`, sql`${cases.reference}`]
    case 'received':
      return [sql`${cases.receivedOn}`, sql`${cases.createdAt}`, sql`${cases.reference}`]
  }
}

const listColumns = {
  id: cases.id,
  reference: cases.reference,
  childName: cases.childName,
  scope: cases.scope,
  status: cases.status,
  receivedOn: cases.receivedOn,
}

export interface ListPage {
  rows: CaseListRow[]
  /** More rows after this page / before it. */
  hasNext: boolean
  hasPrevious: boolean
}

/**
 * One page in the list's order: by number (`offset`), or the page after or before the row with
 * the reference `cursor` (keyset: the sort's columns compared as a row, so an index in that order
 * is read from there).
 */
export async function listPage(
  db: Db,
  q: CaseListQuery,
  at: { offset: number } | { after: string } | { before: string },
  names?: CloseName[],
): Promise<ListPage> {
  const keys = sortKeys(q)
  const forwards = !('before' in at)
  // Read backwards for the page before a row, then turn it round.
  const ascending = (q.order === 'asc') === forwards
  const where = conditions(q, names)
  if ('after' in at || 'before' in at) {
    const cursor = 'after' in at ? at.after : at.before
    const row = sql`(${sql.join(keys, sql`, `)})`
    const of = sql`(select ${sql.join(keys, sql`, `)} from ${cases} where ${cases.reference} = ${cursor})`
    where.push(ascending ? sql`${row} > ${of}` : sql`${row} < ${of}`)
  }
  const rows = await db
    .select(listColumns)
    .from(cases)
    .where(and(...where))
    .orderBy(...keys.map((k) => (ascending ? asc(k) : desc(k))))
    .limit(q.pageSize + 1)
    .offset('offset' in at ? Math.min(at.offset, MAX_OFFSET) : 0)
  const more = rows.length > q.pageSize
  const page = rows.slice(0, q.pageSize)
  if (!forwards) page.reverse()
  return {
    rows: page,
    hasNext: forwards ? more : true,
    hasPrevious: forwards ? 'after' in at || ('offset' in at && at.offset > 0) : more,
  }
}

/** How many cases match, counting at most COUNT_LIMIT + 1 (`names`: those close to a search by name). */
export async function countUpTo(db: Db, q: CaseListQuery, names?: CloseName[]): Promise<number> {
  if (q.search && !isReference(q.search)) return countNameMatches(db, q, names ?? [])
  const result = await db.execute<{ n: number }>(sql`select count(*)::int as n from (
    select 1 from ${cases} where ${and(...conditions(q))} limit ${COUNT_LIMIT + 1}) counted`)
  return Number(result.rows[0]?.n ?? 0)
}

// case_names is read through its index alone (case_names_newest: a name, then its cases newest
// first, in the index's own order, nulls last), and a case is known there by its reference.
const newestFirst = sql`cn.received_on desc nulls last, cn.created_at desc nulls last, cn.reference desc nulls last`
const shown = (q: CaseListQuery) =>
  nothingToCheck(q)
    ? sql`true`
    : sql`exists (select 1 from ${cases} where ${cases.reference} = cn.reference and ${and(...filters(q))})`

/**
 * Cases found by name: a case counts once however many of its names are close. The matches are
 * read up to twice the limit (a case with two close names is two matches), then told apart.
 */
async function countNameMatches(db: Db, q: CaseListQuery, names: CloseName[]): Promise<number> {
  if (!names.length) return 0
  const result = await db.execute<{ n: number; matches: number }>(sql`select count(distinct reference)::int as n,
    count(*)::int as matches from (
      select cn.reference from ${namesTable(names)} n
      join case_names cn on cn.name_id = n.id
      where ${shown(q)}
      limit ${2 * COUNT_LIMIT + 1}) found`)
  const { n = 0, matches = 0 } = result.rows[0] ?? {}
  return Number(matches) > 2 * COUNT_LIMIT ? COUNT_LIMIT + 1 : Number(n)
}

/**
 * A page of a search by name, best match first (then newest): the close names, best first, and
 * for each only its newest cases, as many as the page needs, so a common name costs what a rare
 * one does. First without looking at the cases (most people see every case they search for);
 * if the filters or who may see what leave out a case of that page, again with them applied to
 * each name's cases as they are read.
 */
export async function bestMatchPage(db: Db, q: CaseListQuery, names: CloseName[], offset: number): Promise<ListPage> {
  const skip = Math.min(offset, MAX_OFFSET)
  if (!names.length) return { rows: [], hasNext: false, hasPrevious: skip > 0 }
  const page = async (filtered: boolean) => {
    const result = await db.execute<{ [K in keyof CaseListRow]: CaseListRow[K] } & { visible: boolean }>(sql`
      select ${cases.id} as id, ${cases.reference} as reference, ${cases.childName} as "childName",
        ${cases.scope} as scope, ${cases.status} as status, ${cases.receivedOn}::text as "receivedOn",
        ${filtered ? sql`true` : sql`${and(...filters(q))}`} as visible
      from (
        select cn.reference, max(n.score) as score, cn.received_on, cn.created_at
        from ${namesTable(names)} n
        cross join lateral (
          select cn.reference, cn.received_on, cn.created_at from case_names cn
          where cn.name_id = n.id ${filtered ? sql`and ${shown(q)}` : sql``}
          order by ${newestFirst} limit ${skip + q.pageSize + 1}) cn
        group by cn.reference, cn.received_on, cn.created_at
        order by score desc, ${newestFirst} limit ${q.pageSize + 1} offset ${skip}) cn
      join ${cases} on ${cases.reference} = cn.reference
      order by cn.score desc, ${newestFirst}`)
    return result.rows
  }
  let rows = await page(nothingToCheck(q))
  if (rows.some((r) => !r.visible)) rows = await page(true)
  const found = rows.map(({ visible: _, ...row }) => row)
  return { rows: found.slice(0, q.pageSize), hasNext: found.length > q.pageSize, hasPrevious: skip > 0 }
}
