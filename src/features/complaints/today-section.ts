// Complaints on Today: each acknowledgement and answer owed, overdue or due within the service's
// "due soon" working days, soonest first, for the councils this person works for.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { stageNames, type ComplaintStage } from '../../domain/complaints.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { workingDaysText } from '../cases/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { councilsOf, handlesComplaints } from './access.ts'
import { complaintStagesDue } from './today-repository.ts'

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
  urgency: ComplaintDueUrgency
}

export async function complaintsDue(db: Db, clock: Clock, user: StaffUser): Promise<ComplaintDue[]> {
  if (!handlesComplaints(user)) return []
  const today = clock.today()
  const [settings, calendar] = await Promise.all([readSettings(db), currentCalendar(db)])
  const horizon = calendar.addWorkingDays(today, settings.dueSoonWorkingDays)
  const rows = await complaintStagesDue(db, councilsOf(user), horizon)
  const item = (r: (typeof rows)[number], kind: ComplaintDue['kind'], date: string): ComplaintDue => ({
    complaintId: r.complaintId,
    reference: r.reference,
    complainantName: r.complainantName,
    kind,
    what: `${kind === 'acknowledge' ? 'Acknowledge' : 'Answer'} the complaint: ${stageNames[r.stage as ComplaintStage].toLowerCase()}`,
    href: `/complaints/${r.complaintId}/${kind === 'acknowledge' ? 'acknowledge' : 'respond'}`,
    date,
    daysText: workingDaysText(calendar.workingDaysBetween(today, date), date, today),
    urgency: date < today ? 'overdue' : date === today ? 'due-today' : 'due-soon',
  })
  return rows
    .flatMap((r) => [
      ...(!r.acknowledgedOn && r.acknowledgeBy <= horizon ? [item(r, 'acknowledge', r.acknowledgeBy)] : []),
      ...(r.respondBy <= horizon ? [item(r, 'answer', r.respondBy)] : []),
    ])
    .sort((a, b) => a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference))
}
