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
 * Still to do by `window`, in due-date order: the deadline index read through its partial index
 * (case_deadlines_to_do, whose condition this repeats), each row's case looked up by its key (a
 * lateral query, so that the database never reads every case to decide), kept when the case is
 * not closed and is on this person's Today.
 */
function toDo(user: StaffUser, window: ToDoWindow, kind?: ToDoKind) {
  return {
    from: sql`${caseDeadlines} cross join lateral (
      select ${cases.reference} as reference, ${cases.childName} as child_name, ${cases.assignedTo} as assigned_to
      from ${cases} where ${cases.id} = ${caseDeadlines.caseId} and ${cases.status} <> 'closed' and ${mine(user)}
      limit 1) on_today`,
    where: sql`${caseDeadlines.status} in ('open', 'overdue')
      and ${caseDeadlines.kind} in ('deadline', 'update', 'chaser', 'enquiry')
      and ${caseDeadlines.dueDate} <= ${window.horizon}
      and (${caseDeadlines.kind} = 'deadline' or ${caseDeadlines.dueDate} <= ${window.today})
      ${kind ? sql`and ${caseDeadlines.kind} = ${kind}` : sql``}`,
  }
}

export interface ToDoRow {
  caseId: string
  reference: string
  childName: string
  assignedName: string | null
  kind: ToDoKind
  name: string
  dueDate: string
  partyId: string | null
  partyName: string | null
  partyOrganisation: string | null
  partyRole: string | null
}

/** One page of what is due, most urgent first (on the same day: deadlines, chasers, updates, enquiries). */
export async function toDoPage(
  db: Db,
  user: StaffUser,
  window: ToDoWindow,
  page: { kind?: ToDoKind; offset: number; limit: number },
): Promise<ToDoRow[]> {
  const { from, where } = toDo(user, window, page.kind)
  const result = await db.execute<{ [K in keyof ToDoRow]: ToDoRow[K] }>(sql`select
      ${caseDeadlines.caseId} as "caseId", on_today.reference, on_today.child_name as "childName",
      (select u.name from ${users} u where u.id = on_today.assigned_to) as "assignedName",
      ${caseDeadlines.kind} as kind, ${caseDeadlines.name} as name, ${caseDeadlines.dueDate}::text as "dueDate",
      ${caseDeadlines.partyId} as "partyId", p.name as "partyName", p.organisation as "partyOrganisation",
      p.role as "partyRole"
    from ${from} left join ${caseParties} p on p.id = ${caseDeadlines.partyId}
    where ${where}
    order by ${caseDeadlines.dueDate},
      array_position(array['deadline', 'chaser', 'update', 'enquiry']::text[], ${caseDeadlines.kind}),
      on_today.reference, p.is_requester desc nulls last, p.created_at, ${caseDeadlines.name}
    limit ${page.limit} offset ${page.offset}`)
  return result.rows
}

export interface KindCount {
  /** At most COUNT_LIMIT + 1: more than the limit means "more than". */
  n: number
  overdue: number
  dueToday: number
  dueSoon: number
}

/**
 * How many of each kind are due, and of those how many are overdue, due today and due soon: for
 * each kind one read of its most urgent COUNT_LIMIT + 1 (through case_deadlines_kind_due), so the
 * counts are exact up to the limit and cost no more past it.
 */
export async function toDoCounts(db: Db, user: StaffUser, window: ToDoWindow): Promise<Record<ToDoKind, KindCount>> {
  const one = (kind: ToDoKind) => {
    const { from, where } = toDo(user, window, kind)
    return sql`select ${kind} as kind, count(*)::int as n,
        (count(*) filter (where due_date < ${window.today}))::int as overdue,
        (count(*) filter (where due_date = ${window.today}))::int as "dueToday",
        (count(*) filter (where due_date > ${window.today}))::int as "dueSoon"
      from (select ${caseDeadlines.dueDate} as due_date from ${from} where ${where}
        order by ${caseDeadlines.dueDate} limit ${COUNT_LIMIT + 1}) urgent`
  }
  const result = await db.execute<{ kind: ToDoKind } & Record<keyof KindCount, unknown>>(
    sql.join(
      toDoKinds.map((kind) => sql`(${one(kind)})`),
      sql` union all `,
    ),
  )
  const counts = Object.fromEntries(toDoKinds.map((k) => [k, { n: 0, overdue: 0, dueToday: 0, dueSoon: 0 }])) as Record<
    ToDoKind,
    KindCount
  >
  for (const row of result.rows) {
    counts[row.kind] = {
      n: Number(row.n),
      overdue: Number(row.overdue),
      dueToday: Number(row.dueToday),
      dueSoon: Number(row.dueSoon),
    }
  }
  return counts
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
