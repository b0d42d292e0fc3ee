// The feedback behind the results: the meetings held in a period (each case's live meeting, by its
// day, in these councils, for one mediator or all), the parties of those cases who were asked, and
// the feedback those parties sent.
import { and, asc, eq, gte, inArray, isNull, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { caseParties, cases, mediators, meetings, partyFeedback } from '../../db/schema/index.ts'

export interface CohortFilter {
  councils: 'all' | readonly string[]
  from: string
  to: string
  mediatorId?: string
}

export async function meetingsHeld(db: Db, filter: CohortFilter) {
  const { councils } = filter
  return db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      day: meetings.day,
      mediatorId: meetings.mediatorId,
      mediatorName: mediators.name,
    })
    .from(meetings)
    .innerJoin(cases, eq(cases.id, meetings.caseId))
    .leftJoin(mediators, eq(mediators.id, meetings.mediatorId))
    .where(
      and(
        isNull(meetings.cancelledAt),
        gte(meetings.day, filter.from),
        lte(meetings.day, filter.to),
        councils === 'all' ? undefined : councils.length ? inArray(cases.localAuthorityId, [...councils]) : sql`false`,
        filter.mediatorId ? eq(meetings.mediatorId, filter.mediatorId) : undefined,
      ),
    )
    .orderBy(asc(meetings.day), asc(cases.reference))
}

export async function partiesOfCases(db: Db, caseIds: string[]) {
  if (!caseIds.length) return []
  return db
    .select({
      id: caseParties.id,
      caseId: caseParties.caseId,
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
    })
    .from(caseParties)
    .where(inArray(caseParties.caseId, caseIds))
}

export async function feedbackOfCases(db: Db, caseIds: string[]) {
  if (!caseIds.length) return []
  return db
    .select({
      id: partyFeedback.id,
      caseId: partyFeedback.caseId,
      partyId: partyFeedback.partyId,
      answers: partyFeedback.answers,
      submittedAt: partyFeedback.submittedAt,
    })
    .from(partyFeedback)
    .where(and(inArray(partyFeedback.caseId, caseIds), eq(partyFeedback.kind, 'feedback')))
    .orderBy(asc(partyFeedback.submittedAt), asc(partyFeedback.id))
}

/** The signed-in mediator's own panel record, if they have one. */
export async function mediatorOfUser(db: Db, userId: string) {
  const [row] = await db
    .select({ id: mediators.id, name: mediators.name })
    .from(mediators)
    .where(eq(mediators.userId, userId))
  return row
}
