// Queries for the pages of one case (the list has its own, list/repository.ts). No rules here:
// who may see what is in access.ts.
import { and, asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import {
  agencies,
  caseEvents,
  caseParties,
  cases,
  localAuthorities,
  scopeDecisions,
  users,
} from '../../db/schema/index.ts'

export async function findCase(db: Db, id: string) {
  const [row] = await db
    .select({ case: cases, localAuthorityName: localAuthorities.name })
    .from(cases)
    .leftJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, id))
  if (!row) return undefined
  return { ...row.case, localAuthorityName: row.localAuthorityName }
}
export type CaseRow = NonNullable<Awaited<ReturnType<typeof findCase>>>

export async function partiesOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(desc(caseParties.isRequester), asc(caseParties.createdAt), asc(caseParties.id))
}

/** Newest first: by the day it happened, then by the order it was recorded. */
export async function eventsOf(db: Db, caseId: string) {
  return db
    .select()
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(desc(caseEvents.occurredOn), desc(caseEvents.id))
}

export async function latestEventOf(db: Db, caseId: string, type: string) {
  const [row] = await db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, type)))
    .orderBy(desc(caseEvents.id))
    .limit(1)
  return row
}

export async function latestScopeDecision(db: Db, caseId: string) {
  const [row] = await db
    .select({
      scope: scopeDecisions.scope,
      reason: scopeDecisions.reason,
      decidedAt: scopeDecisions.decidedAt,
      decidedBy: users.name,
      agencyName: agencies.name,
    })
    .from(scopeDecisions)
    .innerJoin(users, eq(users.id, scopeDecisions.decidedBy))
    .leftJoin(agencies, eq(agencies.id, scopeDecisions.signpostAgencyId))
    .where(eq(scopeDecisions.caseId, caseId))
    .orderBy(desc(scopeDecisions.decidedAt))
    .limit(1)
  return row
}

export async function listAgencies(db: Db) {
  return db.select().from(agencies).orderBy(asc(agencies.sortOrder), asc(agencies.name))
}
