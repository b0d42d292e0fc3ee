// Every date a case must meet, derived from its events: the statutory clocks (domain/clocks.ts)
// and an update owed to each person at the authority's cadence. Pure: the callers load the rows.
import { icbNoticeDeadline, icbNoticeLabel } from '../../domain/agreement-items.ts'
import { agreementPointDeadlines } from '../../domain/agreement-rules.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { computeDeadlines, type Deadline } from '../../domain/clocks.ts'
import { formatLongDate } from '../../domain/dates.ts'
import type { CaseStatus } from '../../domain/workflow.ts'
import type { ServiceSettings } from '../settings/index.ts'

export type Urgency = 'overdue' | 'due-soon' | 'on-track' | 'met' | 'stopped'

export interface CaseDeadline {
  /** A clock's name, or update:<party id>. */
  name: string
  label: string
  dueDate: string
  rule: string
  source: string
  startedBy: { type: string; date: string }
  status: Deadline['status']
  metOn?: string
  /** Working days from today to the due date: 0 on the day, negative when late. */
  workingDaysLeft: number
  urgency: Urgency
  /** The date is past the last year of bank holidays we know: check it by hand. */
  beyondCalendar: boolean
}

export const deadlineLabels: Record<string, string> = {
  'adviser-contact': 'Contact the mediation adviser',
  certificate: 'Issue the mediation certificate',
  'health-body-notice': 'Tell the health body about the health issues',
  'mediation-held': 'Hold the mediation',
  'meeting-notice': 'Send everyone the date and place of the meeting',
  appeal: 'Last day to appeal to the SEND Tribunal',
  'agreement-icb-notice': icbNoticeLabel,
}

export interface EventRow {
  type: string
  occurredOn: string
  data: Record<string, unknown>
}

export interface PartyRow {
  id: string
  name: string
  role: string
}

/** Cases in these states owe nobody an update. */
const finished: readonly string[] = ['closed', 'withdrawn', 'signposted', 'could-not-proceed']

export function caseDeadlines(
  input: {
    events: EventRow[]
    parties: PartyRow[]
    status: CaseStatus | string
    receivedOn: string
    cadenceWorkingDays: number
  },
  context: { calendar: Calendar; settings: ServiceSettings; today: string },
): CaseDeadline[] {
  const { calendar, settings, today } = context
  const events = input.events.map((e) => ({
    type: e.type,
    date: e.occurredOn,
    data: e.data,
  }))
  const clocks = computeDeadlines(events, { calendar, appealExclusion: settings.appealExclusion, today }).map((d) =>
    withUrgency(
      {
        name: d.name,
        label: deadlineLabels[d.name] ?? d.name,
        dueDate: d.dueDate,
        rule: d.rule,
        source: d.source,
        startedBy: d.startedBy,
        status: d.status,
        metOn: d.metOn,
        beyondCalendar: d.beyondCalendar === true,
      },
      context,
    ),
  )
  const updates = finished.includes(input.status) ? [] : input.parties.map((party) => updateOwed(party, input, context))
  // Each point of a final mediation agreement, until it is followed up (features/agreements), and
  // where the council was not a party the health body's notice to it.
  const icbNotice = icbNoticeDeadline(events, today)
  const points = [...agreementPointDeadlines(events, today), ...(icbNotice ? [icbNotice] : [])].map((d) =>
    withUrgency(
      {
        ...d,
        source: 'The mediation agreement (SEND Regulations 2014, regs 42 and 44)',
        beyondCalendar: calendar.isProvisional(d.dueDate),
      },
      context,
    ),
  )
  return [...clocks, ...updates, ...points].sort((a, b) => a.dueDate.localeCompare(b.dueDate))
}

function updateOwed(
  party: PartyRow,
  input: Parameters<typeof caseDeadlines>[0],
  context: Parameters<typeof caseDeadlines>[1],
): CaseDeadline {
  const last = input.events
    .filter((e) => e.type === 'update-sent' && e.data.partyId === party.id)
    .map((e) => e.occurredOn)
    .sort()
    .at(-1)
  const from = last ?? input.receivedOn
  const due = context.calendar.addWorkingDays(from, input.cadenceWorkingDays)
  return withUrgency(
    {
      name: `update:${party.id}`,
      label: `Update ${party.name || 'this party'}`,
      dueDate: due,
      rule: `Everyone hears from us at least every ${input.cadenceWorkingDays} working days, even when the news is that we are still waiting. ${last ? `Last update: ${formatLongDate(last)}.` : 'No update yet since the request arrived.'}`,
      source: "The service's promise to keep everyone informed",
      startedBy: { type: last ? 'update-sent' : 'enquiry-received', date: from },
      status: due < context.today ? 'overdue' : 'open',
      beyondCalendar: context.calendar.isProvisional(due),
    },
    context,
  )
}

function withUrgency(
  d: Omit<CaseDeadline, 'workingDaysLeft' | 'urgency'>,
  context: { calendar: Calendar; settings: ServiceSettings; today: string },
): CaseDeadline {
  const workingDaysLeft = context.calendar.workingDaysBetween(context.today, d.dueDate)
  const urgency: Urgency =
    d.status === 'met' || d.status === 'met-late'
      ? 'met'
      : d.status === 'stopped'
        ? 'stopped'
        : d.dueDate < context.today
          ? 'overdue'
          : workingDaysLeft <= context.settings.dueSoonWorkingDays
            ? 'due-soon'
            : 'on-track'
  return { ...d, workingDaysLeft, urgency }
}
