// Today's sections, in one list: each reads its own page of rows and its count (never more than it
// shows and COUNT_LIMIT), and names the template that shows it. To add a section, add it to
// `todaySections`: the page lists every section's heading with its count, and shows each in turn.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { Calendar } from '../../domain/calendar.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { partyNames, PARTY_KINDS, type PartyKind } from '../../domain/willingness.ts'
import { deadlineLabels, labelOf, partyRoles, workingDaysText } from '../cases/index.ts'
import { complaintsTodaySection } from '../complaints/index.ts'
import { channelLabel, undeliveredFor } from '../messages/index.ts'
import { rightsTodaySection } from '../rights/index.ts'
import type { ServiceSettings } from '../settings/index.ts'
import {
  agreementPointsCount,
  agreementPointsDue,
  COUNT_LIMIT,
  toDoCounts,
  toDoKinds,
  toDoPage,
  type KindCount,
  type ToDoKind,
  type ToDoRow,
} from './repository.ts'

export type TodayUrgency = 'overdue' | 'due-today' | 'due-soon'
export type TodayKind = ToDoKind | 'agreement-point'

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
  tag: { text: string; classes: string }
}

/** What every section is given: who is asking, the day, the calendar, the settings and the address's query. */
export interface SectionContext {
  db: Db
  clock: Clock
  user: StaffUser
  today: string
  calendar: Calendar
  settings: ServiceSettings
  query: Record<string, unknown>
}

/** A number that stops at COUNT_LIMIT: `more` when there are more than it; `text` as the page says it. */
export interface Count {
  n: number
  more: boolean
  text: string
}

export interface SectionView {
  id: string
  heading: string
  /** The id of its heading, for the list of sections at the top. */
  anchor: string
  /** How many things the section has in all (the page shows some of them). */
  count: Count
  /** The template that shows it, given `section` (this object). */
  template: string
  [key: string]: unknown
}

export interface TodaySection {
  id: string
  /** Undefined when the section has nothing to show this person. */
  load(context: SectionContext): Promise<SectionView | undefined>
}

export const PAGE_SIZE = 25
/** Pages past this many things are for the case list's filters. */
export const MAX_PAGES = Math.ceil(COUNT_LIMIT / PAGE_SIZE)

export function countOf(n: number, limit = COUNT_LIMIT): Count {
  const more = n > limit
  const shown = Math.min(n, limit).toLocaleString('en-GB')
  return { n: Math.min(n, limit), more, text: more ? `more than ${shown}` : shown }
}

/** The page asked for in the query (`?<name>=3`), from 1 to MAX_PAGES. */
export function pageAsked(query: Record<string, unknown>, name: string): number {
  const n = Number(Array.isArray(query[name]) ? query[name][0] : query[name])
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_PAGES) : 1
}

const urgencyTags: Record<TodayUrgency, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-today': { text: 'Due today', classes: 'govuk-tag--orange' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
}

export const urgencyOf = (date: string, today: string): TodayUrgency =>
  date < today ? 'overdue' : date === today ? 'due-today' : 'due-soon'

/** When something is due, in working days from today. */
function when(date: string, { today, calendar }: { today: string; calendar: Calendar }) {
  const urgency = urgencyOf(date, today)
  return {
    date,
    daysText: workingDaysText(calendar.workingDaysBetween(today, date), date, today),
    urgency,
    tag: urgencyTags[urgency],
  }
}

const caseOf = (row: { caseId: string; reference: string; childName: string; assignedName: string | null }) => ({
  caseId: row.caseId,
  reference: row.reference,
  childName: row.childName,
  assignedName: row.assignedName ?? undefined,
})

/** One row of the deadline index as a thing to do. */
export function toDoItem(row: ToDoRow, context: { today: string; calendar: Calendar }): TodayItem {
  const base = caseOf(row)
  const at = `/cases/${row.caseId}`
  if (row.kind === 'update') {
    const who = row.partyRole
      ? `${row.partyName || row.partyOrganisation || 'Not named'} (${labelOf(partyRoles, row.partyRole).toLowerCase()})`
      : 'someone in the case'
    const href = row.partyId ? `${at}/updates/new?party=${row.partyId}` : `${at}/progress`
    return { ...base, kind: 'update', what: `Update ${who}`, href, ...when(row.dueDate, context) }
  }
  if (row.kind === 'chaser') {
    const party = row.name.slice('chaser:'.length) as PartyKind
    const what = `Chase ${PARTY_KINDS.includes(party) ? partyNames[party] : 'the other party'} for an answer`
    return {
      ...base,
      kind: 'chaser',
      what,
      href: `${at}/actions/chase-party?party=${party}`,
      ...when(row.dueDate, context),
    }
  }
  if (row.kind === 'enquiry') {
    const { today, calendar } = context
    const days = calendar.workingDaysBetween(row.dueDate, today)
    const urgency = urgencyOf(row.dueDate, today)
    return {
      ...base,
      kind: 'enquiry',
      what: 'Answer the new enquiry',
      href: at,
      date: row.dueDate,
      daysText:
        row.dueDate >= today
          ? 'received today'
          : `received ${days <= 0 ? 'on a non-working day' : `${days} working day${days === 1 ? '' : 's'} ago`}, not answered yet`,
      urgency,
      tag: urgencyTags[urgency],
    }
  }
  const what = deadlineLabels[row.name] ?? row.name
  return { ...base, kind: 'deadline', what, href: `${at}/progress`, ...when(row.dueDate, context) }
}

const kindNames: Record<ToDoKind, string> = {
  deadline: 'Deadlines',
  chaser: 'Chasers',
  update: 'Updates owed',
  enquiry: 'New enquiries',
}

/** Deadlines overdue or due soon, updates owed, chasers due and new enquiries, most urgent first. */
const whatIsDue: TodaySection = {
  id: 'today-list',
  async load(c) {
    const window = { today: c.today, horizon: c.calendar.addWorkingDays(c.today, c.settings.dueSoonWorkingDays) }
    const asked = c.query.kind
    const kind = toDoKinds.find((k) => k === asked)
    const page = pageAsked(c.query, 'page')
    const [rows, counts] = await Promise.all([
      toDoPage(c.db, c.user, window, { kind, offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE + 1 }),
      toDoCounts(c.db, c.user, window),
    ])
    const of = (kinds: readonly ToDoKind[]) => kinds.map((k) => counts[k])
    const sum = (list: KindCount[], key: keyof KindCount) => list.reduce((n, k) => n + k[key], 0)
    const shownKinds = of(kind ? [kind] : toDoKinds)
    // A kind past the limit was not read to its end: its days are not all counted.
    const capped = shownKinds.some((k) => k.n > COUNT_LIMIT)
    const all = of(toDoKinds)
    return {
      id: 'today-list',
      heading: 'What needs you',
      anchor: 'today-list-heading',
      count: countOf(all.some((k) => k.n > COUNT_LIMIT) ? COUNT_LIMIT + 1 : sum(all, 'n')),
      template: 'today/due.njk',
      items: rows.slice(0, PAGE_SIZE).map((row) => toDoItem(row, c)),
      urgencies: capped
        ? undefined
        : {
            overdue: countOf(sum(shownKinds, 'overdue')),
            dueToday: countOf(sum(shownKinds, 'dueToday')),
            dueSoon: countOf(sum(shownKinds, 'dueSoon')),
          },
      kinds: toDoKinds.map((k) => ({
        kind: k,
        text: kindNames[k],
        count: countOf(counts[k].n),
        href: k === kind ? undefined : `/today?kind=${k}`,
      })),
      kind: kind ? { text: kindNames[kind].toLowerCase() } : undefined,
      pagination: pagesFor(page, capped ? COUNT_LIMIT + 1 : sum(shownKinds, 'n'), rows.length > PAGE_SIZE, (n) =>
        `/today?${new URLSearchParams({ ...(kind ? { kind } : {}), ...(n > 1 ? { page: String(n) } : {}) })}`.replace(
          /\?$/,
          '',
        ),
      ),
    }
  },
}

/** Points of final mediation agreements overdue or due within 10 working days, not yet followed up. */
const agreementPointsSection: TodaySection = {
  id: 'agreement-points',
  async load(c) {
    const until = c.calendar.addWorkingDays(c.today, 10)
    const page = pageAsked(c.query, 'points')
    const [rows, n] = await Promise.all([
      agreementPointsDue(c.db, c.user, until, { offset: (page - 1) * PAGE_SIZE, limit: PAGE_SIZE + 1 }),
      agreementPointsCount(c.db, c.user, until),
    ])
    if (!rows.length && page === 1) return undefined
    const items: TodayItem[] = rows.slice(0, PAGE_SIZE).map((r) => ({
      ...caseOf(r),
      kind: 'agreement-point',
      what: `Point ${r.point.position}: ${r.point.what.length > 80 ? `${r.point.what.slice(0, 79).trimEnd()}…` : r.point.what}`,
      href: `/cases/${r.caseId}/agreement/follow-up/${r.point.id}`,
      ...when(r.point.dueDate!, c),
    }))
    return {
      id: 'agreement-points',
      heading: 'Agreement points due',
      anchor: 'agreement-points',
      count: countOf(n),
      template: 'today/agreement-points.njk',
      items,
      pagination: pagesFor(page, n, rows.length > PAGE_SIZE, (p) => (p > 1 ? `/today?points=${p}` : '/today')),
    }
  },
}

/** Messages given up on after their retries, newest first (the first page of them). */
const undeliveredSection: TodaySection = {
  id: 'undelivered',
  async load(c) {
    const rows = await undeliveredFor(c.db, c.user, PAGE_SIZE + 1)
    if (!rows.length) return undefined
    return {
      id: 'undelivered',
      heading: 'Messages that could not be delivered',
      anchor: 'undelivered',
      count: countOf(rows.length, PAGE_SIZE),
      template: 'today/undelivered.njk',
      messages: rows.slice(0, PAGE_SIZE).map((m) => ({
        ...m,
        channelText: channelLabel(m.channel),
        href: m.caseId ? `/cases/${m.caseId}/messages/${m.id}` : `/admin/messages/${m.id}`,
      })),
      more: rows.length > PAGE_SIZE,
    }
  },
}

/** Complaints to acknowledge or answer, overdue or due soon: the complaints area's own section and query. */
const complaintsSection: TodaySection = { id: 'complaints', load: complaintsTodaySection }

/** People's rights requests not yet done, with their one-month deadlines: the rights area's own section and query. */
const rightsSection: TodaySection = { id: 'rights', load: rightsTodaySection }

/** Every section of Today, in the order the page shows them. */
export const todaySections: TodaySection[] = [
  whatIsDue,
  agreementPointsSection,
  complaintsSection,
  rightsSection,
  undeliveredSection,
]

/**
 * GOV.UK pagination for a section: numbered pages while the count is exact, else previous and
 * next (up to MAX_PAGES; beyond that the case list's filters are the way in).
 */
export function pagesFor(page: number, total: number, hasNext: boolean, href: (page: number) => string) {
  const exact = total <= COUNT_LIMIT
  const last = exact ? Math.max(1, Math.ceil(total / PAGE_SIZE)) : MAX_PAGES
  if (last <= 1 && page <= 1) return undefined
  const next = hasNext && page < last
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  for (let n = 1; n <= last; n++) {
    if (n === 1 || (exact && n === last) || Math.abs(n - page) <= 1)
      items.push({ number: n, href: href(n), current: n === page })
    else if (!('ellipsis' in (items.at(-1) ?? {}))) items.push({ ellipsis: true })
  }
  return {
    previous: page > 1 ? { href: href(page - 1) } : undefined,
    next: next ? { href: href(page + 1) } : undefined,
    items,
  }
}
