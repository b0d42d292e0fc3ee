// The queries of people's rights requests: each filtered by the councils of whoever asks. The list
// is read soonest due first, a page after a row (keyset on due date and reference); Today reads the
// requests not yet finished through their own index (rights_requests_owed).
import { and, asc, count, eq, gt, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  caseRetention,
  caseParties,
  cases,
  localAuthorities,
  rightsExports,
  rightsRequests,
  users,
  type RightsMatch,
} from '../../db/schema/index.ts'
import type { StaffUser } from '../../domain/staff.ts'

type Councils = 'all' | readonly string[]
export type RightsRequestRow = typeof rightsRequests.$inferSelect

/** A condition on rights_requests for these councils. */
export function inCouncils(councils: Councils): SQL {
  if (councils === 'all') return sql`true`
  if (!councils.length) return sql`false`
  return inArray(rightsRequests.localAuthorityId, [...councils])
}

export async function nextRequestNumber(tx: Tx): Promise<number> {
  const result = await tx.execute<{ n: string }>(sql`select nextval('rights_request_reference_seq') as n`)
  return Number(result.rows[0]?.n ?? 0)
}

export async function insertRequest(tx: Tx, row: typeof rightsRequests.$inferInsert) {
  const [inserted] = await tx.insert(rightsRequests).values(row).returning()
  return inserted!
}

/** The request, locked to the end of the transaction: changes to one request happen one at a time. */
export async function lockRequest(tx: Tx, id: string) {
  const [row] = await tx.select().from(rightsRequests).where(eq(rightsRequests.id, id)).for('update')
  return row
}

export async function updateRequest(tx: Tx, id: string, set: Partial<typeof rightsRequests.$inferInsert>) {
  const [row] = await tx.update(rightsRequests).set(set).where(eq(rightsRequests.id, id)).returning()
  return row!
}

/** The request with its council's name, if it is one of these councils'. */
export async function requestIn(db: Db, councils: Councils, id: string) {
  const [row] = await db
    .select({ request: rightsRequests, council: localAuthorities.name })
    .from(rightsRequests)
    .innerJoin(localAuthorities, eq(localAuthorities.id, rightsRequests.localAuthorityId))
    .where(and(eq(rightsRequests.id, id), inCouncils(councils)))
  return row
}

const listColumns = {
  id: rightsRequests.id,
  reference: rightsRequests.reference,
  kind: rightsRequests.kind,
  subjectName: rightsRequests.subjectName,
  requesterName: rightsRequests.requesterName,
  receivedOn: rightsRequests.receivedOn,
  dueOn: rightsRequests.dueOn,
  status: rightsRequests.status,
  completedAt: rightsRequests.completedAt,
  council: localAuthorities.name,
}

/**
 * A page of requests, soonest due first, after the request with reference `after` (keyset:
 * the due date and the reference as a row); `open` keeps those not yet finished.
 */
export async function requestsPage(
  db: Db,
  councils: Councils,
  q: { open: boolean; after?: { dueOn: string; reference: string }; limit: number },
) {
  return db
    .select(listColumns)
    .from(rightsRequests)
    .innerJoin(localAuthorities, eq(localAuthorities.id, rightsRequests.localAuthorityId))
    .where(
      and(
        inCouncils(councils),
        q.open ? isNull(rightsRequests.completedAt) : undefined,
        q.after
          ? or(
              gt(rightsRequests.dueOn, q.after.dueOn),
              and(eq(rightsRequests.dueOn, q.after.dueOn), gt(rightsRequests.reference, q.after.reference)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(rightsRequests.dueOn), asc(rightsRequests.reference))
    .limit(q.limit)
}

/** Where a page after a request starts: its due date and reference (of these councils only). */
export async function cursorOf(db: Db, councils: Councils, reference: string) {
  const [row] = await db
    .select({ dueOn: rightsRequests.dueOn, reference: rightsRequests.reference })
    .from(rightsRequests)
    .where(and(eq(rightsRequests.reference, reference), inCouncils(councils)))
  return row
}

/** How many requests are not yet finished, counting no further than `limit` + 1. */
export async function owedCount(db: Db, councils: Councils, limit: number) {
  const owed = db
    .select({ one: sql`1` })
    .from(rightsRequests)
    .where(and(inCouncils(councils), isNull(rightsRequests.completedAt)))
    .limit(limit + 1)
    .as('owed')
  const [row] = await db.select({ n: count() }).from(owed)
  return row?.n ?? 0
}

export async function insertExport(tx: Tx | Db, row: typeof rightsExports.$inferInsert) {
  const [inserted] = await tx.insert(rightsExports).values(row).returning({ id: rightsExports.id })
  return inserted!
}

export async function setExport(db: Db, id: string, set: Partial<typeof rightsExports.$inferInsert>) {
  await db.update(rightsExports).set(set).where(eq(rightsExports.id, id))
}

/** A request's exports, newest first, without their files. */
export async function exportsOf(db: Db, requestId: string) {
  return db
    .select({
      id: rightsExports.id,
      status: rightsExports.status,
      fileName: rightsExports.fileName,
      size: rightsExports.size,
      createdAt: rightsExports.createdAt,
      readyAt: rightsExports.readyAt,
    })
    .from(rightsExports)
    .where(eq(rightsExports.requestId, requestId))
    .orderBy(sql`${rightsExports.createdAt} desc`)
    .limit(20)
}

export async function exportFile(db: Db, requestId: string, exportId: string) {
  const [row] = await db
    .select()
    .from(rightsExports)
    .where(and(eq(rightsExports.id, exportId), eq(rightsExports.requestId, requestId)))
  return row
}

/** The oldest export waiting for the job, taken so that no other run takes it too. */
/** Deletes the files of the exports made before `before`, oldest first, a batch at a time: how many. */
export async function deleteExportFilesBefore(db: Db, before: Date, batch = 100): Promise<number> {
  const result = await db.execute<{ id: string }>(sql`
    update rights_exports set status = 'deleted', file = null where id in (
      select id from rights_exports where status = 'ready' and ready_at < ${before.toISOString()}::timestamptz
      order by ready_at limit ${batch})
    returning id`)
  return result.rows.length
}

export async function takeQueuedExport(db: Db) {
  const result = await db.execute<{ id: string; request_id: string; requested_by: string | null }>(sql`
    update rights_exports set status = 'building' where id = (
      select id from rights_exports where status = 'queued' order by created_at limit 1 for update skip locked)
    returning id, request_id, requested_by`)
  const row = result.rows[0]
  return row ? { id: row.id, requestId: row.request_id, requestedBy: row.requested_by } : undefined
}

/** A member of staff as a request would see them (for the job, which has no request): undefined when disabled. */
export async function staffUserById(db: Db, id: string): Promise<StaffUser | undefined> {
  const [row] = await db
    .select({
      user: users,
      councils: sql<string[]>`array(select uc.local_authority_id from user_councils uc where uc.user_id = ${users.id})`,
    })
    .from(users)
    .where(eq(users.id, id))
  if (!row || row.user.disabledAt) return undefined
  const { user } = row
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    councils: user.roles.includes('administrator') ? 'all' : row.councils,
  }
}

/** The councils a request may be recorded for, by name. */
export async function councilChoices(db: Db, councils: Councils) {
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(localAuthorities)
    .where(councils === 'all' ? undefined : councils.length ? inArray(localAuthorities.id, [...councils]) : sql`false`)
    .orderBy(asc(localAuthorities.name))
}

/** A chosen person as the request's page shows them, with the details a correction may change. */
export interface MatchedPerson {
  name: string
  role: string | null
  email: string | null
  phone: string | null
  dateOfBirth: string | null
}

/** The people chosen as the person: each one's case reference and details (the child's, or the party's with their role). */
export async function matchedPeople(db: Db, matches: RightsMatch[]) {
  const caseIds = [...new Set(matches.map((m) => m.caseId))]
  const names = new Map<string, MatchedPerson>()
  if (!caseIds.length) return { references: new Map<string, string>(), names }
  const ids = `{${caseIds.join(',')}}`
  const [found, parties] = await Promise.all([
    db.execute<{ id: string; reference: string; child_name: string; dob: string }>(
      sql`select id, reference, child_name, child_date_of_birth::text as dob from cases where id = any(${ids}::uuid[])`,
    ),
    db.execute<{ id: string; name: string; role: string; email: string | null; phone: string | null }>(
      sql`select id, name, role, email, phone from case_parties where case_id = any(${ids}::uuid[])`,
    ),
  ])
  for (const c of found.rows)
    names.set(`${c.id}:child`, { name: c.child_name, role: null, email: null, phone: null, dateOfBirth: c.dob })
  for (const p of parties.rows) names.set(p.id, { ...p, dateOfBirth: null })
  return { references: new Map(found.rows.map((r) => [r.id, r.reference])), names }
}

/** The case, locked to the end of the transaction, with the details a correction may change. */
export async function lockCaseDetails(tx: Tx, caseId: string) {
  const [row] = await tx
    .select({
      id: cases.id,
      childName: cases.childName,
      childDateOfBirth: cases.childDateOfBirth,
      anonymisedAt: caseRetention.anonymisedAt,
    })
    .from(cases)
    .leftJoin(caseRetention, eq(caseRetention.caseId, cases.id))
    .where(eq(cases.id, caseId))
    .for('update', { of: cases })
  return row
}

export async function partyOfCase(tx: Tx, caseId: string, partyId: string) {
  const [row] = await tx
    .select({
      id: caseParties.id,
      name: caseParties.name,
      email: caseParties.email,
      phone: caseParties.phone,
      role: caseParties.role,
    })
    .from(caseParties)
    .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
  return row
}

export async function correctParty(
  tx: Tx,
  partyId: string,
  set: { name: string; email: string | null; phone: string | null },
) {
  await tx
    .update(caseParties)
    .set({ ...set, version: sql`${caseParties.version} + 1` })
    .where(eq(caseParties.id, partyId))
}

export async function correctChild(
  tx: Tx,
  caseId: string,
  set: { childName: string; childDateOfBirth: string },
  now: Date,
) {
  await tx
    .update(cases)
    .set({ ...set, version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId))
}

/** A party's change is a change of its case: the case's version moves on. */
export async function bumpCase(tx: Tx, caseId: string, now: Date) {
  await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId))
}

/**
 * Those of these cases that must be kept whole: with an appeal to the SEND Tribunal recorded, or
 * under a legal hold not yet lifted (the retention area's holds), with the hold's reason.
 */
export async function casesToKeep(db: Db, caseIds: string[]) {
  if (!caseIds.length) return []
  const result = await db.execute<{ reference: string; appeal: boolean; hold: string | null }>(sql`
    select c.reference,
      exists (select 1 from case_events e where e.case_id = c.id and e.type = 'appeal-made') as appeal,
      (select h.reason from retention_holds h where h.case_id = c.id and h.lifted_at is null limit 1) as hold
    from cases c
    where c.id = any(${`{${caseIds.join(',')}}`}::uuid[])
    order by c.reference`)
  return result.rows.filter((r) => r.appeal || r.hold).map((r) => ({ ...r, appeal: !!r.appeal }))
}
