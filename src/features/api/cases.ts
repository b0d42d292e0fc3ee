// Cases as the API shows them: only a token's own authority's cases, without staff notes, with
// the statutory deadlines (the service's own update reminders are internal and left out).
import { appealSubjectOf, placementOnly } from '../../domain/appeal-subject.ts'
import type { Deadline } from '../../domain/clocks.ts'
import type { CaseDeadline } from '../cases/index.ts'
import type { CaseRow, eventsOfCase, partiesOfCase } from './repository.ts'
import { DEADLINE_NAMES, type DeadlineResponse } from './schemas.ts'

export const isStatutory = (name: string): name is DeadlineResponse['name'] =>
  (DEADLINE_NAMES as readonly string[]).includes(name)

export function deadlineJson(d: CaseDeadline | Deadline): DeadlineResponse {
  return {
    name: d.name as DeadlineResponse['name'],
    dueDate: d.dueDate,
    status: d.status,
    ...(d.metOn ? { metOn: d.metOn } : {}),
    rule: d.rule,
    source: d.source,
    startedBy: d.startedBy as DeadlineResponse['startedBy'],
    beyondCalendar: d.beyondCalendar === true,
  }
}

export const statutoryDeadlines = (all: readonly CaseDeadline[]) =>
  all.filter((d) => isStatutory(d.name)).map(deadlineJson)

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
  events: Awaited<ReturnType<typeof eventsOfCase>>,
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
    deadlines: statutoryDeadlines(deadlines),
  }
}
