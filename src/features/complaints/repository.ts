// The complaints register's queries: a complaint, its stages and events, and what its forms offer.
// Every list takes the person's councils ('all' or some) as a filter here.
import { and, asc, count, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  caseParties,
  cases,
  complaintEvents,
  complaintStages,
  complaints,
  localAuthorities,
  mediators,
  messages,
  users,
} from '../../db/schema/index.ts'

export type ComplaintRow = typeof complaints.$inferSelect
export type StageRow = typeof complaintStages.$inferSelect
type Councils = 'all' | readonly string[]

/** A stage's place in the procedure (informal 1, formal 2, review 3): stages start in this order. */
export const stageRank = sql`array_position(array['informal', 'formal', 'review']::text[], ${complaintStages.stage})`

/** A condition on complaints for these councils. */
export function inCouncils(councils: Councils): SQL {
  if (councils === 'all') return sql`true`
  if (!councils.length) return sql`false`
  return inArray(complaints.localAuthorityId, [...councils])
}

export async function nextComplaintNumber(tx: Tx): Promise<number> {
  const [{ n } = { n: 0 }] = await tx
    .execute<{ n: string }>(sql`select nextval('complaint_reference_seq') as n`)
    .then((r) => r.rows)
  return Number(n)
}

export async function insertComplaint(tx: Tx, row: typeof complaints.$inferInsert) {
  const [inserted] = await tx.insert(complaints).values(row).returning()
  return inserted!
}

export async function insertStage(tx: Tx, row: typeof complaintStages.$inferInsert) {
  const [inserted] = await tx.insert(complaintStages).values(row).returning()
  return inserted!
}

export async function insertComplaintEvent(tx: Tx, row: typeof complaintEvents.$inferInsert) {
  await tx.insert(complaintEvents).values(row)
}

/** The complaint, locked for a change in this transaction. */
export async function lockComplaint(tx: Tx, id: string) {
  const [row] = await tx.select().from(complaints).where(eq(complaints.id, id)).for('update')
  return row
}

export async function updateComplaint(tx: Tx, id: string, set: Partial<typeof complaints.$inferInsert>) {
  await tx.update(complaints).set(set).where(eq(complaints.id, id))
}

export async function updateStage(tx: Tx, id: string, set: Partial<typeof complaintStages.$inferInsert>) {
  await tx.update(complaintStages).set(set).where(eq(complaintStages.id, id))
}

export async function findComplaint(db: Db, id: string) {
  const [row] = await db.select().from(complaints).where(eq(complaints.id, id))
  return row
}

export async function stagesOf(db: Db | Tx, complaintId: string) {
  return db.select().from(complaintStages).where(eq(complaintStages.complaintId, complaintId)).orderBy(asc(stageRank))
}

export async function eventsOfComplaint(db: Db, complaintId: string) {
  return db
    .select()
    .from(complaintEvents)
    .where(eq(complaintEvents.complaintId, complaintId))
    .orderBy(desc(complaintEvents.id))
}

/** The names a complaint's page shows: its council, case, mediator and the member of staff it is about. */
export async function namesFor(db: Db, c: ComplaintRow) {
  const [council] = await db
    .select({ name: localAuthorities.name })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, c.localAuthorityId))
  const [caseRow] = c.caseId
    ? await db.select({ reference: cases.reference }).from(cases).where(eq(cases.id, c.caseId))
    : []
  const [mediator] = c.aboutMediatorId
    ? await db.select({ name: mediators.name }).from(mediators).where(eq(mediators.id, c.aboutMediatorId))
    : []
  const [staff] = c.aboutUserId
    ? await db.select({ name: users.name }).from(users).where(eq(users.id, c.aboutUserId))
    : []
  const [party] = c.partyId ? await db.select().from(caseParties).where(eq(caseParties.id, c.partyId)) : []
  return {
    council: council?.name ?? '',
    caseReference: caseRow?.reference,
    mediator: mediator?.name,
    staff: staff?.name,
    party,
  }
}

/** A council's name, its service's contact details for messages, and its complaint deadlines. */
export async function councilFor(db: Db | Tx, id: string) {
  const [row] = await db
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      serviceName: localAuthorities.serviceName,
      phone: localAuthorities.phone,
      email: localAuthorities.email,
      openingHours: localAuthorities.openingHours,
      acknowledgeWorkingDays: localAuthorities.complaintAcknowledgeWorkingDays,
      responseWorkingDays: localAuthorities.complaintResponseWorkingDays,
    })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, id))
  return row
}

/** The commissioning councils a complaint may be recorded against, among these. */
export async function councilOptions(db: Db, councils: Councils) {
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(localAuthorities)
    .where(
      and(
        eq(localAuthorities.commissioned, true),
        councils === 'all' ? undefined : councils.length ? inArray(localAuthorities.id, [...councils]) : sql`false`,
      ),
    )
    .orderBy(asc(localAuthorities.name))
}

/** The panel, for "which mediator": everyone on it, active first. */
export async function panelMediators(db: Db) {
  return db
    .select({ id: mediators.id, name: mediators.name, active: mediators.active })
    .from(mediators)
    .orderBy(desc(mediators.active), asc(mediators.name))
}

/** The provider's staff (not commissioners), for "which member of staff". */
export async function staffMembers(db: Db) {
  const rows = await db
    .select({ id: users.id, name: users.name, roles: users.roles })
    .from(users)
    .where(isNull(users.disabledAt))
    .orderBy(asc(users.name))
  return rows.filter((u) => u.roles.some((r) => r !== 'commissioner'))
}

export async function caseWithParties(db: Db | Tx, caseId: string) {
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      childName: cases.childName,
      localAuthorityId: cases.localAuthorityId,
    })
    .from(cases)
    .where(eq(cases.id, caseId))
  if (!row) return undefined
  const parties = await db
    .select()
    .from(caseParties)
    .where(eq(caseParties.caseId, caseId))
    .orderBy(asc(caseParties.createdAt), asc(caseParties.id))
  return { ...row, parties }
}

/** The case with this reference, if any (the caller checks who may see it). */
export async function caseIdByReference(db: Db, reference: string) {
  const [row] = await db.select({ id: cases.id }).from(cases).where(eq(cases.reference, reference))
  return row?.id
}

export async function partyRow(db: Db | Tx, partyId: string) {
  const [row] = await db.select().from(caseParties).where(eq(caseParties.id, partyId))
  return row
}

export interface RegisterFilter {
  status?: 'open' | 'answered' | 'closed'
  councilId?: string
}

/** A page of the register, newest first, and how many there are in all. */
export async function listComplaints(db: Db, councils: Councils, filter: RegisterFilter, page: number, size: number) {
  const where = and(
    inCouncils(councils),
    filter.status ? eq(complaints.status, filter.status) : undefined,
    filter.councilId ? eq(complaints.localAuthorityId, filter.councilId) : undefined,
  )
  const [rows, [total]] = await Promise.all([
    db
      .select({
        complaint: complaints,
        council: localAuthorities.name,
        caseReference: cases.reference,
        // The stage under way: its deadlines, for the "next due" column.
        acknowledgeBy: sql<string | null>`(select s.acknowledge_by from complaint_stages s
          where s.complaint_id = complaints.id and s.acknowledged_on is null and s.responded_on is null limit 1)`,
        respondBy: sql<string | null>`(select s.respond_by from complaint_stages s
          where s.complaint_id = complaints.id and s.responded_on is null limit 1)`,
      })
      .from(complaints)
      .innerJoin(localAuthorities, eq(localAuthorities.id, complaints.localAuthorityId))
      .leftJoin(cases, eq(cases.id, complaints.caseId))
      .where(where)
      .orderBy(desc(complaints.receivedOn), desc(complaints.reference))
      .limit(size)
      .offset((page - 1) * size),
    db.select({ n: count() }).from(complaints).where(where),
  ])
  return { rows, total: total?.n ?? 0 }
}

/** The messages a complaint's stages sent (their answers), by id. */
export async function messagesByIds(db: Db, ids: string[]) {
  if (!ids.length) return []
  return db
    .select({
      id: messages.id,
      caseId: messages.caseId,
      channel: messages.channel,
      recipientName: messages.recipientName,
      subject: messages.subject,
      body: messages.body,
      status: messages.status,
    })
    .from(messages)
    .where(inArray(messages.id, ids))
}

/** Complaints about one mediator, in these councils, newest first. */
export async function complaintsAboutMediator(db: Db, mediatorId: string, councils: Councils) {
  return db
    .select({
      id: complaints.id,
      reference: complaints.reference,
      receivedOn: complaints.receivedOn,
      stage: complaints.stage,
      status: complaints.status,
      outcome: sql<string | null>`(select s.outcome from complaint_stages s
        where s.complaint_id = complaints.id and s.outcome is not null
        order by array_position(array['informal', 'formal', 'review']::text[], s.stage) desc limit 1)`,
    })
    .from(complaints)
    .where(and(eq(complaints.aboutMediatorId, mediatorId), inCouncils(councils)))
    .orderBy(desc(complaints.receivedOn), desc(complaints.reference))
}
