// Each section of Today as items: deadlines and updates owed, chasers due, new enquiries and
// agreement points. Pure: the service passes in the rows and the day.
import type { Calendar } from '../../domain/calendar.ts'
import { chaserDue, chaserDueDate, partyNames, PARTY_KINDS } from '../../domain/willingness.ts'
import { stateFromEvents } from '../../domain/workflow.ts'
import { deadlineLabels, labelOf, partyRoles, workingDaysText } from '../cases/index.ts'
import type {
  agreementPointsDue,
  casesAskingParties,
  deadlinesDue,
  partiesByIds,
  unansweredEnquiries,
} from './repository.ts'

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

/** The day, and the calendar its working days are counted on. */
export interface TodayContext {
  today: string
  calendar: Calendar
}

type Rows<F extends (...args: never[]) => Promise<unknown[]>> = Awaited<ReturnType<F>>

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const urgencyOf = (date: string, today: string): TodayUrgency =>
  date < today ? 'overdue' : date === today ? 'due-today' : 'due-soon'

/** When something is due, in working days from today. */
const when = (date: string, { today, calendar }: TodayContext) => ({
  date,
  daysText: workingDaysText(calendar.workingDaysBetween(today, date), date, today),
  urgency: urgencyOf(date, today),
})

const caseOf = (row: { caseId: string; reference: string; childName: string; assignedName: string | null }) => ({
  caseId: row.caseId,
  reference: row.reference,
  childName: row.childName,
  assignedName: row.assignedName ?? undefined,
})

/** The party ids of the updates owed, for looking up who each is. */
export function partiesOwedUpdates(due: Rows<typeof deadlinesDue>): string[] {
  return due
    .filter((d) => d.name.startsWith('update:'))
    .map((d) => d.name.slice('update:'.length))
    .filter((id) => uuidPattern.test(id))
}

export function deadlineItems(
  due: Rows<typeof deadlinesDue>,
  parties: Rows<typeof partiesByIds>,
  context: TodayContext,
): TodayItem[] {
  const partyById = new Map(parties.map((p) => [p.id, p]))
  return due.map((d) => {
    const base = { ...caseOf(d), ...when(d.dueDate, context) }
    if (!d.name.startsWith('update:')) {
      return {
        ...base,
        kind: 'deadline',
        what: deadlineLabels[d.name] ?? d.name,
        href: `/cases/${d.caseId}/progress`,
      }
    }
    const partyId = d.name.slice('update:'.length)
    const party = partyById.get(partyId)
    const who = party
      ? `${party.name || party.organisation || 'Not named'} (${labelOf(partyRoles, party.role).toLowerCase()})`
      : 'someone in the case'
    return { ...base, kind: 'update', what: `Update ${who}`, href: `/cases/${d.caseId}/updates/new?party=${partyId}` }
  })
}

/** Chasers, worked out from the events of the cases still asking the other parties. */
export function chaserItems(
  asking: Rows<typeof casesAskingParties>,
  chaserWorkingDays: number,
  context: TodayContext,
): TodayItem[] {
  const { today, calendar } = context
  return asking.flatMap((c) => {
    const state = stateFromEvents(c.events)
    return PARTY_KINDS.flatMap((kind): TodayItem[] => {
      const party = state.parties[kind]
      if (!party || !chaserDue(party, today, calendar, chaserWorkingDays)) return []
      const date = chaserDueDate(party, calendar, chaserWorkingDays)!
      return [
        {
          ...caseOf(c),
          kind: 'chaser',
          what: `Chase ${partyNames[kind]} for an answer`,
          href: `/cases/${c.caseId}/actions/chase-party?party=${kind}`,
          ...when(date, context),
        },
      ]
    })
  })
}

export function enquiryItems(enquiries: Rows<typeof unansweredEnquiries>, { today, calendar }: TodayContext) {
  return enquiries.map((e): TodayItem => {
    const days = calendar.workingDaysBetween(e.receivedOn, today)
    return {
      ...caseOf(e),
      kind: 'enquiry',
      what: 'Answer the new enquiry',
      href: `/cases/${e.caseId}`,
      date: e.receivedOn,
      daysText:
        e.receivedOn >= today
          ? 'received today'
          : `received ${days <= 0 ? 'on a non-working day' : `${days} working day${days === 1 ? '' : 's'} ago`}, not answered yet`,
      urgency: urgencyOf(e.receivedOn, today),
    }
  })
}

export function agreementPointItems(rows: Rows<typeof agreementPointsDue>, context: TodayContext): TodayItem[] {
  return rows.map((r) => ({
    ...caseOf(r),
    kind: 'agreement-point',
    what: `Point ${r.point.position}: ${r.point.what.length > 80 ? `${r.point.what.slice(0, 79).trimEnd()}…` : r.point.what}`,
    href: `/cases/${r.caseId}/agreement/follow-up/${r.point.id}`,
    ...when(r.point.dueDate!, context),
  }))
}
