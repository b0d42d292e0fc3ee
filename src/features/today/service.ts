// "What needs me today?": across the cases this person looks after (a manager or administrator
// sees every case; unassigned cases are everyone's), the deadlines overdue or due soon, the updates
// owed, the chasers due and the new enquiries nobody has answered, most urgent first; then the
// agreement points due and the messages that could not be delivered, each in its own section.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { hasRole, type StaffUser } from '../../domain/staff.ts'
import { channelLabel, undeliveredFor } from '../messages/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import {
  agreementPointsDue,
  casesAskingParties,
  deadlinesDue,
  partiesByIds,
  unansweredEnquiries,
} from './repository.ts'
import {
  agreementPointItems,
  chaserItems,
  deadlineItems,
  enquiryItems,
  partiesOwedUpdates,
  type TodayItem,
  type TodayKind,
  type TodayUrgency,
} from './sections.ts'

export type { TodayItem, TodayUrgency }

const kindOrder: Record<TodayKind, number> = { deadline: 0, chaser: 1, update: 2, enquiry: 3, 'agreement-point': 4 }

const urgencyTags: Record<TodayUrgency, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-today': { text: 'Due today', classes: 'govuk-tag--orange' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
}

export async function whatNeedsMe(db: Db, clock: Clock, user: StaffUser): Promise<TodayItem[]> {
  const today = clock.today()
  const [settings, calendar] = await Promise.all([readSettings(db), currentCalendar(db)])
  const context = { today, calendar }
  const [due, asking, enquiries, points] = await Promise.all([
    deadlinesDue(db, user, today, calendar.addWorkingDays(today, settings.dueSoonWorkingDays)),
    casesAskingParties(db, user),
    unansweredEnquiries(db, user),
    // Points of final mediation agreements still open: overdue or due within 10 working days.
    agreementPointsDue(db, user, calendar.addWorkingDays(today, 10)),
  ])
  const parties = await partiesByIds(db, partiesOwedUpdates(due))
  const items = [
    ...deadlineItems(due, parties, context),
    ...chaserItems(asking, settings.chaserWorkingDays, context),
    ...enquiryItems(enquiries, context),
    ...agreementPointItems(points, context),
  ]
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

/** Everything the Today page shows. */
export async function todayPage({ db, clock }: { db: Db; clock: Clock }, user: StaffUser) {
  const [items, undelivered] = await Promise.all([whatNeedsMe(db, clock, user), undeliveredMessages(db, user)])
  const count = (u: TodayUrgency) => items.filter((i) => i.urgency === u).length
  return {
    today: clock.today(),
    items: items.map((i) => ({ ...i, tag: urgencyTags[i.urgency] })),
    counts: { overdue: count('overdue'), dueToday: count('due-today'), dueSoon: count('due-soon') },
    seesAll: hasRole(user, 'manager', 'administrator'),
    undelivered,
  }
}
