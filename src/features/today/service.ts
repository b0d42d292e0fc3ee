// "What needs me today?": across the cases this person looks after (a manager or administrator
// sees every case; unassigned cases are everyone's), the deadlines overdue or due soon, the updates
// owed, the chasers due and the new enquiries nobody has answered, most urgent first.
import { and, asc, eq, inArray, isNull, like, lte, ne, notExists, notLike, or, sql, type SQL } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
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
import type { Calendar } from '../../domain/calendar.ts'
import { chaserDue, chaserDueDate, partyNames, PARTY_KINDS } from '../../domain/willingness.ts'
import { stateFromEvents } from '../../domain/workflow.ts'
import { hasRole, type StaffUser } from '../../web/auth.ts'
import { visibleCases, deadlineLabels, labelOf, partyRoles, workingDaysText } from '../cases/index.ts'
import { channelLabel, undeliveredFor } from '../messages/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'

export type TodayUrgency = 'overdue' | 'due-today' | 'due-soon'
export type TodayKind = 'deadline' | 'update' | 'chaser' | 'enquiry' | 'agreement-point'

export interface TodayItem {
  caseId: string
  reference: string
  childName: string
  /** The person looking after the case; undefined: nobody yet. */
  assignedName?: string
  kind: TodayKind
  what: string
  /** Where to do it. */
  href: string
  date: string
  daysText: string
  urgency: TodayUrgency
}

/** Page sizes: Today shows the most urgent; a longer backlog belongs in the case list. */
const MAX_DEADLINES = 500
const MAX_WILLINGNESS_CASES = 300
const MAX_ENQUIRIES = 200

/** Deadlines that are not ours to meet: the appeal is the family's, shown on the case page. */
const notOnToday = ['appeal']

const kindOrder: Record<TodayKind, number> = { deadline: 0, chaser: 1, update: 2, enquiry: 3, 'agreement-point': 4 }
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The cases on this person's Today. */
function mine(user: StaffUser): SQL {
  const all = hasRole(user, 'manager', 'administrator')
  return and(visibleCases(user), all ? sql`true` : or(eq(cases.assignedTo, user.id), isNull(cases.assignedTo)))!
}

export async function whatNeedsMe(db: Db, clock: Clock, user: StaffUser): Promise<TodayItem[]> {
  const today = clock.today()
  const [settings, calendar] = await Promise.all([readSettings(db), currentCalendar(db)])
  const horizon = calendar.addWorkingDays(today, settings.dueSoonWorkingDays)
  const urgencyOf = (date: string): TodayUrgency =>
    date < today ? 'overdue' : date === today ? 'due-today' : 'due-soon'
  const caseColumns = {
    caseId: cases.id,
    reference: cases.reference,
    childName: cases.childName,
    assignedName: users.name,
  }
  const items: TodayItem[] = []

  // Statutory deadlines within the horizon, and updates owed today or earlier, from the index.
  const due = await db
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

  const partyIds = due
    .filter((d) => d.name.startsWith('update:'))
    .map((d) => d.name.slice('update:'.length))
    .filter((id) => uuidPattern.test(id))
  const parties = partyIds.length
    ? await db
        .select({
          id: caseParties.id,
          name: caseParties.name,
          organisation: caseParties.organisation,
          role: caseParties.role,
        })
        .from(caseParties)
        .where(inArray(caseParties.id, partyIds))
    : []
  const partyById = new Map(parties.map((p) => [p.id, p]))

  for (const d of due) {
    const days = calendar.workingDaysBetween(today, d.dueDate)
    const base = {
      caseId: d.caseId,
      reference: d.reference,
      childName: d.childName,
      assignedName: d.assignedName ?? undefined,
      date: d.dueDate,
      daysText: workingDaysText(days, d.dueDate, today),
      urgency: urgencyOf(d.dueDate),
    }
    if (d.name.startsWith('update:')) {
      const partyId = d.name.slice('update:'.length)
      const party = partyById.get(partyId)
      const who = party
        ? `${party.name || party.organisation || 'Not named'} (${labelOf(partyRoles, party.role).toLowerCase()})`
        : 'someone in the case'
      items.push({
        ...base,
        kind: 'update',
        what: `Update ${who}`,
        href: `/cases/${d.caseId}/updates/new?party=${partyId}`,
      })
    } else {
      items.push({
        ...base,
        kind: 'deadline',
        what: deadlineLabels[d.name] ?? d.name,
        href: `/cases/${d.caseId}/progress`,
      })
    }
  }

  // Chasers: worked out from the events of the cases still asking the other parties (bounded to that status).
  const asking = await db
    .select(caseColumns)
    .from(cases)
    .leftJoin(users, eq(users.id, cases.assignedTo))
    .where(and(mine(user), eq(cases.status, 'willingness')))
    .orderBy(asc(cases.receivedOn), asc(cases.reference))
    .limit(MAX_WILLINGNESS_CASES)
  if (asking.length) {
    const events = await db
      .select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data })
      .from(caseEvents)
      .where(
        inArray(
          caseEvents.caseId,
          asking.map((c) => c.caseId),
        ),
      )
      .orderBy(asc(caseEvents.id))
    for (const c of asking) {
      const state = stateFromEvents(
        events.filter((e) => e.caseId === c.caseId).map((e) => ({ type: e.type, data: e.data })),
      )
      for (const kind of PARTY_KINDS) {
        const party = state.parties[kind]
        if (!party || !chaserDue(party, today, calendar, settings.chaserWorkingDays)) continue
        const date = chaserDueDate(party, calendar, settings.chaserWorkingDays)!
        items.push({
          caseId: c.caseId,
          reference: c.reference,
          childName: c.childName,
          assignedName: c.assignedName ?? undefined,
          kind: 'chaser',
          what: `Chase ${partyNames[kind]} for an answer`,
          href: `/cases/${c.caseId}/actions/chase-party?party=${kind}`,
          date,
          daysText: workingDaysText(calendar.workingDaysBetween(today, date), date, today),
          urgency: urgencyOf(date),
        })
      }
    }
  }

  // New enquiries nobody has answered yet: answered means an update was sent to someone.
  const enquiries = await db
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
  for (const e of enquiries) {
    const days = calendar.workingDaysBetween(e.receivedOn, today)
    items.push({
      caseId: e.caseId,
      reference: e.reference,
      childName: e.childName,
      assignedName: e.assignedName ?? undefined,
      kind: 'enquiry',
      what: 'Answer the new enquiry',
      href: `/cases/${e.caseId}`,
      date: e.receivedOn,
      daysText:
        e.receivedOn >= today
          ? 'received today'
          : `received ${days <= 0 ? 'on a non-working day' : `${days} working day${days === 1 ? '' : 's'} ago`}, not answered yet`,
      urgency: urgencyOf(e.receivedOn),
    })
  }

  // Messages that could not be delivered have their own section: undeliveredMessages below.

  // Points of final mediation agreements still open, overdue or due within 10 working days: their own section.
  items.push(...(await agreementPointsDue(db, user, today, calendar.addWorkingDays(today, 10), calendar, urgencyOf)))

  return items.sort(
    (a, b) =>
      a.date.localeCompare(b.date) || kindOrder[a.kind] - kindOrder[b.kind] || a.reference.localeCompare(b.reference),
  )
}

/** Messages that could not be delivered (given up after their retries), newest first, for its own section. */
export async function undeliveredMessages(db: Db, user: StaffUser) {
  const rows = await undeliveredFor(db, user)
  return rows.map((m) => ({
    ...m,
    channelText: channelLabel(m.channel),
    href: m.caseId ? `/cases/${m.caseId}/messages/${m.id}` : `/admin/messages/${m.id}`,
  }))
}

/** Open points of final agreements due by `until` (or overdue), on this person's cases. */
async function agreementPointsDue(
  db: Db,
  user: StaffUser,
  today: string,
  until: string,
  calendar: Calendar,
  urgencyOf: (date: string) => TodayUrgency,
): Promise<TodayItem[]> {
  const rows = await db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      childName: cases.childName,
      assignedName: users.name,
      point: agreementPoints,
    })
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
  return rows.map((r) => ({
    caseId: r.caseId,
    reference: r.reference,
    childName: r.childName,
    assignedName: r.assignedName ?? undefined,
    kind: 'agreement-point' as const,
    what: `Point ${r.point.position}: ${r.point.what.length > 80 ? `${r.point.what.slice(0, 79).trimEnd()}…` : r.point.what}`,
    href: `/cases/${r.caseId}/agreement/follow-up/${r.point.id}`,
    date: r.point.dueDate!,
    daysText: workingDaysText(calendar.workingDaysBetween(today, r.point.dueDate!), r.point.dueDate!, today),
    urgency: urgencyOf(r.point.dueDate!),
  }))
}
