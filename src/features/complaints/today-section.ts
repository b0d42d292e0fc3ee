// Complaints on Today: each stage whose acknowledgement or answer is overdue or due within the
// service's "due soon" working days, soonest first, for the councils this person works for; a page
// at a time, with a count. Nothing for those who do not handle complaints.
import type { Db } from '../../db/client.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { stageNames, type ComplaintStage } from '../../domain/complaints.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { paginationItems } from '../../web/pagination.ts'
import { workingDaysText } from '../cases/index.ts'
import { councilsOf, handlesComplaints } from './access.ts'
import { complaintStagesDue, complaintStagesDueCount } from './today-repository.ts'

export type ComplaintDueUrgency = 'overdue' | 'due-today' | 'due-soon'

export interface ComplaintDue {
  complaintId: string
  reference: string
  complainantName: string
  kind: 'acknowledge' | 'answer'
  what: string
  href: string
  date: string
  daysText: string
  tag: { text: string; classes: string }
  /** When an acknowledgement is owed: the answer's date too. */
  answerBy?: string
}

const tags: Record<ComplaintDueUrgency, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-today': { text: 'Due today', classes: 'govuk-tag--orange' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
}

export interface DueContext {
  db: Db
  user: StaffUser
  today: string
  calendar: Calendar
  settings: { dueSoonWorkingDays: number }
  /** The address's query: `?complaints=2` is the section's second page. */
  query: Record<string, unknown>
}

const PAGE_SIZE = 25
/** Counts stop here ("more than 1,000"), as every count on Today does; pages stop with them. */
const COUNT_LIMIT = 1000
const MAX_PAGES = COUNT_LIMIT / PAGE_SIZE

/** A page of complaints owing something, how many there are (up to `countLimit` + 1), and whether more follow. */
export async function complaintsDue(
  { db, user, today, calendar, settings }: DueContext,
  page: { offset: number; limit: number; countLimit?: number },
): Promise<{ items: ComplaintDue[]; count: number; hasNext: boolean } | undefined> {
  if (!handlesComplaints(user)) return undefined
  const horizon = calendar.addWorkingDays(today, settings.dueSoonWorkingDays)
  const councils = councilsOf(user)
  const [rows, count] = await Promise.all([
    complaintStagesDue(db, councils, horizon, { offset: page.offset, limit: page.limit + 1 }),
    complaintStagesDueCount(db, councils, horizon, page.countLimit ?? 1000),
  ])
  const items = rows.slice(0, page.limit).map((r): ComplaintDue => {
    const acknowledge = !r.acknowledgedOn
    const date = acknowledge ? r.acknowledgeBy : r.respondBy
    const urgency: ComplaintDueUrgency = date < today ? 'overdue' : date === today ? 'due-today' : 'due-soon'
    return {
      complaintId: r.complaintId,
      reference: r.reference,
      complainantName: r.complainantName,
      kind: acknowledge ? 'acknowledge' : 'answer',
      what: `${acknowledge ? 'Acknowledge' : 'Answer'} the complaint: ${stageNames[r.stage as ComplaintStage].toLowerCase()}`,
      href: `/complaints/${r.complaintId}/${acknowledge ? 'acknowledge' : 'respond'}`,
      date,
      daysText: workingDaysText(calendar.workingDaysBetween(today, date), date, today),
      tag: tags[urgency],
      answerBy: acknowledge ? r.respondBy : undefined,
    }
  })
  return { items, count, hasNext: rows.length > page.limit }
}

/**
 * Today's section of complaints (today/sections.ts lists it): a page of what is owed, its count,
 * the template that shows it (complaints/today.njk), and its pages; undefined when nothing is owed.
 */
export async function complaintsTodaySection(context: DueContext) {
  const asked = Number([context.query.complaints].flat()[0])
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PAGES) : 1
  const due = await complaintsDue(context, {
    offset: (page - 1) * PAGE_SIZE,
    limit: PAGE_SIZE,
    countLimit: COUNT_LIMIT,
  })
  if (!due || (!due.items.length && page === 1)) return undefined
  const more = due.count > COUNT_LIMIT
  const n = Math.min(due.count, COUNT_LIMIT)
  const href = (p: number) => (p > 1 ? `/today?complaints=${p}` : '/today')
  const last = more ? MAX_PAGES : Math.max(1, Math.ceil(n / PAGE_SIZE))
  return {
    id: 'complaints',
    heading: 'Complaints',
    anchor: 'complaints',
    count: { n, more, text: more ? `more than ${COUNT_LIMIT.toLocaleString('en-GB')}` : n.toLocaleString('en-GB') },
    template: 'complaints/today.njk',
    items: due.items,
    pagination:
      last > 1
        ? {
            previous: page > 1 ? { href: href(page - 1) } : undefined,
            next: due.hasNext && page < last ? { href: href(page + 1) } : undefined,
            items: paginationItems(page, last, href),
          }
        : undefined,
  }
}
