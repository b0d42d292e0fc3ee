// The queries behind Today, each a page or a count that stops at COUNT_LIMIT, whatever the number
// of cases: the list comes from the deadline index (case_deadlines, kept by the cases area in the
// same transaction as every event), read in due-date order through its partial indexes. `mine` is
// the condition for the cases on this person's Today.
import { and, asc, eq, isNull, lte, ne, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agreementPoints,
  agreements,
  caseDeadlines,
  caseParties,
  cases,
  users,
  type DeadlineKind,
} from '../../db/schema/index.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { visibleCases } from '../cases/index.ts'

/** Counts stop here: past it a page says "more than 1,000". */
export const COUNT_LIMIT = 1000

/** The kinds of thing on Today's main list, in the order they come on the same day. */
export const toDoKinds = ['deadline', 'chaser', 'update', 'enquiry'] as const satisfies readonly DeadlineKind[]
export type ToDoKind = (typeof toDoKinds)[number]

/** The cases on this person's Today: every case for a manager or administrator; else theirs and nobody's. */
function mine(user: StaffUser): SQL {
  const all = hasRole(user, 'manager', 'administrator')
  return and(visibleCases(user), all ? sql`true` : or(eq(cases.assignedTo, user.id), isNull(cases.assignedTo)))!
}

const caseColumns = {
  caseId: cases.id,
  reference: cases.reference,
  childName: cases.childName,
  assignedName: users.name,
}

export interface ToDoWindow {
  today: string
  /** Statutory deadlines up to this day (due soon); updates, chasers and enquiries up to today. */
  horizon: string
}

/**
 * Still to do, by `window` (the condition of the case_deadlines_to_do index, so that it is read in
 * due-date order), on a case not closed that is on this person's Today.
 */
function toDo(user: StaffUser, window: ToDoWindow, kind?: ToDoKind): SQL {
  return and(
    sql`${caseDeadlines.status} in ('open', 'overdue') and ${caseDeadlines.kind} in ('deadline', 'update', 'chaser', 'enquiry')`,
    lte(caseDeadlines.dueDate, window.horizon),
    or(eq(caseDeadlines.kind, 'deadline'), lte(caseDeadlines.dueDate, window.today)),
    kind ? eq(caseDeadlines.kind, kind) : undefined,
    ne(cases.status, 'closed'),
    mine(user),
  )!
}

const kindOrder = sql`array_position(array['deadline', 'chaser', 'update', 'enquiry']::text[], ${caseDeadlines.kind})`

/** One page of what is due, most urgent first (on the same day: deadlines, chasers, updates, enquiries). */
export async function toDoPage(
  db: Db,
  user: StaffUser,
  window: ToDoWindow,
  page: { kind?: ToDoKind; offset: number; limit: number },
) {
  return db
    .select({
      ...caseColumns,
      kind: caseDeadlines.kind,
      name: caseDeadlines.name,
      dueDate: caseDeadlines.dueDate,
      partyId: caseDeadlines.partyId,
      partyName: caseParties.name,
      partyOrganisation: caseParties.organisation,
      partyRole: caseParties.role,
    })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .leftJoin(caseParties, eq(caseParties.id, caseDeadlines.partyId))
    .where(toDo(user, window, page.kind))
    .orderBy(
      asc(caseDeadlines.dueDate),
      asc(kindOrder),
      asc(cases.reference),
      sql`${caseParties.isRequester} desc nulls last`,
      asc(caseParties.createdAt),
      asc(caseDeadlines.name),
    )
    .limit(page.limit)
    .offset(page.offset)
}
export type ToDoRow = Awaited<ReturnType<typeof toDoPage>>[number]

/** At most COUNT_LIMIT + 1 of the rows matching `where`, counted: more than the limit means "more than". */
const countUpTo = (where: SQL) => sql<number>`(select count(*)::int from (
    select 1 from ${caseDeadlines} inner join ${cases} on ${cases.id} = ${caseDeadlines.caseId}
    where ${where} limit ${COUNT_LIMIT + 1}) counted)`

/** How many of each kind are due, and how many are overdue, due today and due soon: each up to the limit. */
export async function toDoCounts(db: Db, user: StaffUser, window: ToDoWindow) {
  const of = (kind?: ToDoKind, when?: SQL) => countUpTo(and(toDo(user, window, kind), when)!)
  const result = await db.execute<Record<'all' | ToDoKind | 'overdue' | 'dueToday' | 'dueSoon', number>>(sql`select
    ${of()} as "all", ${of('deadline')} as "deadline", ${of('chaser')} as "chaser", ${of('update')} as "update",
    ${of('enquiry')} as "enquiry", ${of(undefined, sql`${caseDeadlines.dueDate} < ${window.today}`)} as "overdue",
    ${of(undefined, eq(caseDeadlines.dueDate, window.today))} as "dueToday",
    ${of(undefined, sql`${caseDeadlines.dueDate} > ${window.today}`)} as "dueSoon"`)
  const row = result.rows[0]!
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, Number(v)])) as typeof row
}

function pointsDue(user: StaffUser, until: string): SQL {
  return and(
    mine(user),
    ne(cases.status, 'closed'),
    eq(agreements.status, 'final'),
    eq(agreementPoints.followUp, 'open'),
    lte(agreementPoints.dueDate, until),
  )!
}

/** Open points of final agreements due by `until` (or overdue), a page of them. */
export async function agreementPointsDue(
  db: Db,
  user: StaffUser,
  until: string,
  page: { offset: number; limit: number },
) {
  return db
    .select({ ...caseColumns, point: agreementPoints })
    .from(agreementPoints)
    .innerJoin(agreements, eq(agreements.id, agreementPoints.agreementId))
    .innerJoin(cases, eq(cases.id, agreementPoints.caseId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(pointsDue(user, until))
    .orderBy(asc(agreementPoints.dueDate), asc(cases.reference), asc(agreementPoints.position))
    .limit(page.limit)
    .offset(page.offset)
}

/** How many such points there are, up to the limit. */
export async function agreementPointsCount(db: Db, user: StaffUser, until: string): Promise<number> {
  const [row] = await db
    .execute<{ n: number }>(
      sql`select count(*)::int as n from (
    select 1 from ${agreementPoints}
    inner join ${agreements} on ${agreements.id} = ${agreementPoints.agreementId}
    inner join ${cases} on ${cases.id} = ${agreementPoints.caseId}
    where ${pointsDue(user, until)} limit ${COUNT_LIMIT + 1}) counted`,
    )
    .then((r) => r.rows)
  return Number(row?.n ?? 0)
}
