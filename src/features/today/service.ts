// "What needs me today?": across the cases this person looks after (a manager or administrator
// sees every case; unassigned cases are everyone's), each section of Today (sections.ts): the
// deadlines overdue or due soon, the updates owed, the chasers due and the new enquiries nobody has
// answered, most urgent first; the agreement points due; the messages that could not be delivered.
// Each section reads one page and a count that stops at 1,000, however many cases there are.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { providerContact } from '../../web/provider.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { todaySections, type SectionView } from './sections.ts'

export type { TodayItem, TodayUrgency } from './sections.ts'

/** Everything the Today page shows; `query` is the address's (which page of which section). */
export async function todayPage(
  { db, clock }: { db: Db; clock: Clock },
  user: StaffUser,
  query: Record<string, unknown> = {},
) {
  const today = clock.today()
  // Messages give the service's phone and email: an administrator is told while one is missing.
  const administers = hasRole(user, 'administrator')
  const [settings, calendar, contact] = await Promise.all([
    readSettings(db),
    currentCalendar(db),
    administers ? providerContact(db) : undefined,
  ])
  const context = { db, clock, user, today, calendar, settings, query }
  const loaded = await Promise.all(todaySections.map((section) => section.load(context)))
  const sections = loaded.filter((s): s is SectionView => s !== undefined)
  const due = sections.find((s) => s.id === 'today-list')
  const points = sections.find((s) => s.id === 'agreement-points')
  return {
    today,
    seesAll: hasRole(user, 'manager', 'administrator'),
    sections,
    nothingDue: !due?.count.n && !points?.count.n,
    missingContact: contact ? (['phone', 'email'] as const).filter((field) => !contact[field]) : [],
  }
}
