// Cases as the API shows them: only a token's own authority's cases, without staff notes, with
// the statutory deadlines and the agreement's follow-up dates, the same as the case page shows
// (the service's own update reminders are internal and left out).
import { appealSubjectOf, placementOnly } from '../../domain/appeal-subject.ts'
import type { Deadline } from '../../domain/clocks.ts'
import { orderWarnings } from '../../domain/event-order.ts'
import { deadlineLabels, type CaseDeadline } from '../cases/index.ts'
import type { CaseRow, eventsOfCase, partiesOfCase } from './repository.ts'
import { STATUTORY_DEADLINE_NAMES, type DeadlineResponse } from './schemas.ts'

type AgreementPoint = NonNullable<DeadlineResponse['agreementPoint']>

/** What the API shows of a deadline; an agreement point's deadline names the point. */
export function deadlineJson(
  d: (CaseDeadline | Deadline) & { label?: string },
  points: ReadonlyMap<string, AgreementPoint> = new Map(),
): DeadlineResponse {
  const pointId = d.name.startsWith('agreement-point:') ? d.name.slice('agreement-point:'.length) : undefined
  const point = pointId ? points.get(pointId) : undefined
  return {
    name: (pointId ? 'agreement-point' : d.name) as DeadlineResponse['name'],
    label: d.label ?? deadlineLabels[d.name] ?? d.name,
    dueDate: d.dueDate,
    status: d.status,
    ...(d.metOn ? { metOn: d.metOn } : {}),
    rule: d.rule,
    source: d.source,
    startedBy: d.startedBy as DeadlineResponse['startedBy'],
    beyondCalendar: d.beyondCalendar === true,
    ...(point ? { agreementPoint: point } : {}),
  }
}

const shown = (name: string) =>
  (STATUTORY_DEADLINE_NAMES as readonly string[]).includes(name) ||
  name.startsWith('agreement-point:') ||
  name === 'agreement-icb-notice'

type EventRow = Awaited<ReturnType<typeof eventsOfCase>>[number]

/** The latest final agreement, from its event: when it was made, how it ended, and its points. */
function agreementOf(events: readonly { type: string; date: string; data: unknown }[]) {
  const finalised = events.filter((e) => e.type === 'agreement-finalised').at(-1)
  if (!finalised) return null
  const data = (finalised.data ?? {}) as Record<string, unknown>
  const points = (Array.isArray(data.points) ? data.points : []) as {
    id: string
    number: number
    item?: number
    what: string
    responsible: string
    dueDate: string
    rule: string
  }[]
  return {
    agreedOn: finalised.date,
    outcome: data.outcome as 'agreement' | 'partial' | 'none',
    councilWasParty: typeof data.councilWasParty === 'boolean' ? data.councilWasParty : null,
    points: points.map((p) => ({
      id: p.id,
      number: p.number,
      ...(typeof p.item === 'number' ? { item: p.item } : {}),
      what: p.what,
      responsible: p.responsible,
      dueDate: p.dueDate,
      rule: p.rule,
    })),
  }
}

/** The deadlines the API shows, from the case's deadlines (and its events, for the agreement's points). */
export function apiDeadlines(
  all: readonly CaseDeadline[],
  events: readonly { type: string; date: string; data: unknown }[],
): DeadlineResponse[] {
  const points = new Map<string, AgreementPoint>(
    (agreementOf(events)?.points ?? []).map((p) => [
      p.id,
      { id: p.id, number: p.number, ...(p.item ? { item: p.item } : {}), what: p.what, responsible: p.responsible },
    ]),
  )
  return all.filter((d) => shown(d.name)).map((d) => deadlineJson(d, points))
}

/** Staff's own notes and first-contact checklist answers stay inside the service. */
const INTERNAL_KEYS = new Set(['note', 'reasonForContact', 'signposting', 'partyId'])

function publicData(data: unknown): Record<string, unknown> {
  if (!data || typeof data !== 'object') return {}
  return Object.fromEntries(Object.entries(data).filter(([key]) => !INTERNAL_KEYS.has(key)))
}

/** GET /api/v1/cases/{reference}'s answer. */
export function caseJson(
  row: CaseRow,
  parties: Awaited<ReturnType<typeof partiesOfCase>>,
  events: readonly EventRow[],
  deadlines: readonly CaseDeadline[],
) {
  const decided = events.filter((e) => e.type === 'scope-decided').at(-1)
  const appealSubject = appealSubjectOf((decided?.data as Record<string, unknown> | undefined)?.appealSubject)
  return {
    reference: row.reference,
    status: row.status,
    scope: row.scope,
    appealSubject: appealSubject ?? null,
    placementOnly: placementOnly(appealSubject),
    receivedOn: row.receivedOn,
    channel: row.channel,
    child: { name: row.childName, dateOfBirth: row.childDateOfBirth },
    parties,
    events: events.map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString(), data: publicData(e.data) })),
    agreement: agreementOf(events),
    deadlines: apiDeadlines(deadlines, events),
    warnings: orderWarnings(
      events.map((e) => ({ type: e.type, date: e.date, data: e.data as Record<string, unknown> })),
      { receivedOn: row.receivedOn },
    ),
  }
}
