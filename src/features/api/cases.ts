// Cases as the API shows them: only a token's own authority's cases, without staff notes, with
// the statutory deadlines (the service's own update reminders are internal and left out).
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { caseEvents, caseParties, cases } from '../../db/schema/index.ts'
import type { Deadline } from '../../domain/clocks.ts'
import type { CaseDeadline } from '../cases/index.ts'
import { DEADLINE_NAMES, type DeadlineResponse } from './schemas.ts'

/** The case with this reference, if it belongs to the token's authority. */
export async function caseForToken(db: Db, reference: string, localAuthorityId: string) {
  if (reference.length > 40) return undefined
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reference, reference), eq(cases.localAuthorityId, localAuthorityId)))
  return row
}

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

export async function caseDetails(db: Db, row: typeof cases.$inferSelect) {
  const parties = await db
    .select({
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
      isRequester: caseParties.isRequester,
    })
    .from(caseParties)
    .where(eq(caseParties.caseId, row.id))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.role))
  const events = await db
    .select({
      type: caseEvents.type,
      date: caseEvents.occurredOn,
      recordedAt: caseEvents.recordedAt,
      actor: caseEvents.actorLabel,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, row.id))
    .orderBy(asc(caseEvents.id))
  return {
    parties,
    events: events.map((e) => ({ ...e, recordedAt: e.recordedAt.toISOString(), data: publicData(e.data) })),
  }
}
