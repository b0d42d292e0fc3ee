// The API area's queries: its bearer tokens, the councils, and a case as a token may read it.
import { and, asc, desc, eq, isNull, lt, or } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { apiTokens, caseEvents, caseParties, cases, localAuthorities } from '../../db/schema/index.ts'

/** The database, or a transaction the caller already holds. */
export type Queryable = Db | Tx

export type CaseRow = typeof cases.$inferSelect

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  authorityCode: localAuthorities.code,
  authorityName: localAuthorities.name,
  createdBy: apiTokens.createdBy,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  requestsPerMinute: apiTokens.requestsPerMinute,
}

export async function insertToken(
  db: Queryable,
  row: {
    name: string
    tokenHash: string
    localAuthorityId: string
    createdBy: string
    createdAt: Date
    requestsPerMinute?: number
  },
): Promise<string> {
  const [made] = await db.insert(apiTokens).values(row).returning({ id: apiTokens.id })
  return made!.id
}

export async function tokenById(db: Queryable, id: string) {
  const [row] = await db.select().from(apiTokens).where(eq(apiTokens.id, id))
  return row
}

/** Revokes it unless it was revoked already (so the first revocation's time is kept). */
export async function markRevoked(db: Queryable, id: string, at: Date) {
  await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
}

export function listTokens(db: Queryable) {
  return db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
    .orderBy(desc(apiTokens.createdAt))
}

export async function tokenWithAuthority(db: Queryable, id: string) {
  const [row] = await db
    .select(tokenColumns)
    .from(apiTokens)
    .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
    .where(eq(apiTokens.id, id))
  return row
}

export async function tokenByHash(db: Queryable, tokenHash: string) {
  const [row] = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      localAuthorityId: apiTokens.localAuthorityId,
      localAuthorityName: localAuthorities.name,
      revokedAt: apiTokens.revokedAt,
      requestsPerMinute: apiTokens.requestsPerMinute,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
    .where(eq(apiTokens.tokenHash, tokenHash))
  return row
}

/** A new request limit, only if it is still `shown` (else someone changed it meanwhile): whether it was set. */
export async function setRequestsPerMinute(db: Queryable, id: string, shown: number, requestsPerMinute: number) {
  const rows = await db
    .update(apiTokens)
    .set({ requestsPerMinute })
    .where(and(eq(apiTokens.id, id), eq(apiTokens.requestsPerMinute, shown)))
    .returning({ id: apiTokens.id })
  return rows.length === 1
}

/** Notes the use, unless it was noted since `notedSince`. */
export async function touchToken(db: Queryable, id: string, now: Date, notedSince: Date) {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, notedSince))))
}

export function allAuthorities(db: Queryable) {
  return db.select().from(localAuthorities)
}

/** The case with this reference, if it belongs to the authority. */
export async function caseOfAuthority(db: Queryable, reference: string, localAuthorityId: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.reference, reference), eq(cases.localAuthorityId, localAuthorityId)))
  return row
}

export function partiesOfCase(db: Queryable, caseId: string) {
  return db
    .select({
      role: caseParties.role,
      name: caseParties.name,
      organisation: caseParties.organisation,
      isRequester: caseParties.isRequester,
    })
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.role))
}

export function eventsOfCase(db: Queryable, caseId: string) {
  return db
    .select({
      type: caseEvents.type,
      date: caseEvents.occurredOn,
      recordedAt: caseEvents.recordedAt,
      actor: caseEvents.actorLabel,
      data: caseEvents.data,
    })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.id))
}
