// The queries behind Today, each bounded: Today shows the most urgent; a longer backlog belongs
// in the case list. `mine` is the condition for the cases on this person's Today.
import { and, asc, eq, inArray, isNull, like, lte, ne, notExists, notLike, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agreementPoints,
  agreements,
  caseDeadlines,
  caseEvents,
  caseParties,
  cases,
  users,
} from '../../db/schema/index.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { visibleCases } from '../cases/index.ts'

const MAX_DEADLINES = 500
const MAX_WILLINGNESS_CASES = 300
const MAX_ENQUIRIES = 200

/** Deadlines that are not ours to meet: the appeal is the family's, shown on the case page. */
const notOnToday = ['appeal']

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

/** Statutory deadlines due by `horizon`, and updates owed by `today`, from the deadline index. */
export async function deadlinesDue(db: Db, user: StaffUser, today: string, horizon: string) {
  return db
    .select({ ...caseColumns, name: caseDeadlines.name, dueDate: caseDeadlines.dueDate })
    .from(caseDeadlines)
    .innerJoin(cases, eq(cases.id, caseDeadlines.caseId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(
      and(
        mine(user),
        ne(cases.status, 'closed'),
        inArray(caseDeadlines.status, ['open', 'overdue']),
        or(
          and(
            notLike(caseDeadlines.name, 'update:%'),
            notLike(caseDeadlines.name, 'agreement-point:%'),
            sql`${caseDeadlines.name} not in (${sql.join(
              notOnToday.map((n) => sql`${n}`),
              sql`, `,
            )})`,
            lte(caseDeadlines.dueDate, horizon),
          ),
          and(like(caseDeadlines.name, 'update:%'), lte(caseDeadlines.dueDate, today)),
        ),
      ),
    )
    .orderBy(asc(caseDeadlines.dueDate), asc(cases.reference))
    .limit(MAX_DEADLINES)
}

export async function partiesByIds(db: Db, ids: string[]) {
  if (!ids.length) return []
  return db
    .select({
      id: caseParties.id,
      name: caseParties.name,
      organisation: caseParties.organisation,
      role: caseParties.role,
    })
    .from(caseParties)
    .where(inArray(caseParties.id, ids))
}

/** The cases still asking the other parties whether they will take part, with their events in order. */
export async function casesAskingParties(db: Db, user: StaffUser) {
  const asking = await db
    .select(caseColumns)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(and(mine(user), eq(cases.status, 'willingness')))
    .orderBy(asc(cases.receivedOn), asc(cases.reference))
    .limit(MAX_WILLINGNESS_CASES)
  const events = asking.length
    ? await db
        .select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data })
        .from(caseEvents)
        .where(
          inArray(
            caseEvents.caseId,
            asking.map((c) => c.caseId),
          ),
        )
        .orderBy(asc(caseEvents.id))
    : []
  return asking.map((c) => ({ ...c, events: events.filter((e) => e.caseId === c.caseId) }))
}

/** New enquiries nobody has answered yet: answered means an update was sent to someone. */
export async function unansweredEnquiries(db: Db, user: StaffUser) {
  return db
    .select({ ...caseColumns, receivedOn: cases.receivedOn })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(
      and(
        mine(user),
        eq(cases.status, 'enquiry'),
        notExists(
          db
            .select({ one: sql`1` })
            .from(caseEvents)
            .where(and(eq(caseEvents.caseId, cases.id), eq(caseEvents.type, 'update-sent'))),
        ),
      ),
    )
    .orderBy(asc(cases.receivedOn), asc(cases.reference))
    .limit(MAX_ENQUIRIES)
}

/** Open points of final agreements due by `until` (or overdue). */
export async function agreementPointsDue(db: Db, user: StaffUser, until: string) {
  return db
    .select({ ...caseColumns, point: agreementPoints })
    .from(agreementPoints)
    .innerJoin(agreements, eq(agreements.id, agreementPoints.agreementId))
    .innerJoin(cases, eq(cases.id, agreementPoints.caseId))
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(
      and(
        mine(user),
        ne(cases.status, 'closed'),
        eq(agreements.status, 'final'),
        eq(agreementPoints.followUp, 'open'),
        lte(agreementPoints.dueDate, until),
      ),
    )
    .orderBy(asc(agreementPoints.dueDate), asc(cases.reference), asc(agreementPoints.position))
    .limit(MAX_DEADLINES)
}
