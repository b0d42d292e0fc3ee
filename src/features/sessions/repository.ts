// Queries for information sessions and their bookings. Every list a member of staff sees takes
// their councils; the public sees one council's upcoming sessions. Lists are keyset paged.
import { and, asc, count, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { infoSessionBookings, infoSessions, localAuthorities, venues } from '../../db/schema/index.ts'

type Q = Db | Tx
export type SessionRow = typeof infoSessions.$inferSelect
export type BookingRow = typeof infoSessionBookings.$inferSelect
export type VenueRow = typeof venues.$inferSelect
export type Councils = 'all' | readonly string[]

const ofCouncils = (councils: Councils): SQL | undefined =>
  councils === 'all' ? undefined : councils.length ? inArray(infoSessions.localAuthorityId, [...councils]) : sql`false`

/** Places taken on a session (booked, not waiting or cancelled). */
const bookedCount = sql<number>`(select count(*)::int from ${infoSessionBookings} b
  where b.session_id = ${infoSessions.id} and b.status = 'booked')`
const waitingCount = sql<number>`(select count(*)::int from ${infoSessionBookings} b
  where b.session_id = ${infoSessions.id} and b.status = 'waiting')`

const councilColumns = {
  id: localAuthorities.id,
  code: localAuthorities.code,
  name: localAuthorities.name,
  serviceName: localAuthorities.serviceName,
  phone: localAuthorities.phone,
  email: localAuthorities.email,
  address: localAuthorities.address,
  openingHours: localAuthorities.openingHours,
}
export type SessionCouncil = { id: string; code: string; name: string; serviceName: string } & Record<
  'phone' | 'address' | 'openingHours',
  string
> & { email: string | null }

/** A commissioning council by the code in its public address. */
export async function councilByCode(db: Q, code: string): Promise<SessionCouncil | undefined> {
  const [row] = await db
    .select(councilColumns)
    .from(localAuthorities)
    .where(and(eq(localAuthorities.code, code), eq(localAuthorities.commissioned, true)))
  return row
}

/** The commissioning councils among these, by name (for the council question). */
export function councilsOf(db: Q, councils: Councils) {
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

/** Venues to hold a session at: active, in person, by name. */
export function inPersonVenues(db: Q) {
  return db
    .select()
    .from(venues)
    .where(and(eq(venues.active, true), eq(venues.kind, 'in-person')))
    .orderBy(asc(venues.name))
}

export async function venueById(db: Q, id: string) {
  const [row] = await db.select().from(venues).where(eq(venues.id, id))
  return row
}

export async function insertSession(tx: Tx, values: typeof infoSessions.$inferInsert) {
  const [row] = await tx.insert(infoSessions).values(values).returning()
  return row!
}

/** One session with its council, venue and counts; undefined when it is not in these councils. */
export async function sessionById(db: Q, id: string, councils: Councils = 'all') {
  const [row] = await db
    .select({
      session: infoSessions,
      council: councilColumns,
      venue: venues,
      booked: bookedCount,
      waiting: waitingCount,
    })
    .from(infoSessions)
    .innerJoin(localAuthorities, eq(localAuthorities.id, infoSessions.localAuthorityId))
    .leftJoin(venues, eq(venues.id, infoSessions.venueId))
    .where(and(eq(infoSessions.id, id), ofCouncils(councils)))
  return row
}
export type FullSession = NonNullable<Awaited<ReturnType<typeof sessionById>>>

/** The session row, locked to the end of the transaction: one booking or cancellation at a time. */
export async function lockSession(tx: Tx, id: string) {
  const [row] = await tx.select().from(infoSessions).where(eq(infoSessions.id, id)).for('update')
  return row
}

export async function placesTaken(tx: Tx, sessionId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(infoSessionBookings)
    .where(and(eq(infoSessionBookings.sessionId, sessionId), eq(infoSessionBookings.status, 'booked')))
  return row?.n ?? 0
}

export interface Cursor {
  startsAt: Date
  id: string
}

/** Sessions from `from` on, in date order, after the cursor: one more than the page, to know if there is a next. */
export function sessionList(
  db: Q,
  q: { councils: Councils; from: Date; after?: Cursor; limit: number; liveOnly?: boolean },
) {
  return db
    .select({
      session: infoSessions,
      councilName: localAuthorities.name,
      councilCode: localAuthorities.code,
      venue: venues,
      booked: bookedCount,
      waiting: waitingCount,
    })
    .from(infoSessions)
    .innerJoin(localAuthorities, eq(localAuthorities.id, infoSessions.localAuthorityId))
    .leftJoin(venues, eq(venues.id, infoSessions.venueId))
    .where(
      and(
        ofCouncils(q.councils),
        sql`${infoSessions.startsAt} >= ${q.from.toISOString()}`,
        q.liveOnly ? isNull(infoSessions.cancelledAt) : undefined,
        q.after
          ? or(
              gt(infoSessions.startsAt, q.after.startsAt),
              and(eq(infoSessions.startsAt, q.after.startsAt), gt(infoSessions.id, q.after.id)),
            )
          : undefined,
      ),
    )
    .orderBy(asc(infoSessions.startsAt), asc(infoSessions.id))
    .limit(q.limit + 1)
}

export async function updateSession(tx: Tx, id: string, version: number, values: Partial<SessionRow>) {
  const [row] = await tx
    .update(infoSessions)
    .set({ ...values, version: sql`${infoSessions.version} + 1` })
    .where(and(eq(infoSessions.id, id), eq(infoSessions.version, version)))
    .returning()
  return row
}

/** A session's bookings: the booked in the order they booked, then the waiting list in order. */
export function bookingsOf(db: Q, sessionId: string, statuses: readonly string[] = ['booked', 'waiting']) {
  return db
    .select()
    .from(infoSessionBookings)
    .where(and(eq(infoSessionBookings.sessionId, sessionId), inArray(infoSessionBookings.status, [...statuses])))
    .orderBy(asc(infoSessionBookings.status), asc(infoSessionBookings.requestedAt), asc(infoSessionBookings.id))
}

export async function bookingBySubmissionKey(tx: Tx, key: string) {
  const [row] = await tx.select().from(infoSessionBookings).where(eq(infoSessionBookings.submissionKey, key))
  return row
}

export async function liveBookingOf(tx: Tx, sessionId: string, contactKey: string) {
  const [row] = await tx
    .select()
    .from(infoSessionBookings)
    .where(
      and(
        eq(infoSessionBookings.sessionId, sessionId),
        eq(infoSessionBookings.contactKey, contactKey),
        sql`${infoSessionBookings.status} <> 'cancelled'`,
      ),
    )
  return row
}

export async function bookingByTokenHash(db: Q, tokenHash: string) {
  const [row] = await db.select().from(infoSessionBookings).where(eq(infoSessionBookings.tokenHash, tokenHash))
  return row
}

export async function insertBooking(tx: Tx, values: typeof infoSessionBookings.$inferInsert) {
  const [row] = await tx.insert(infoSessionBookings).values(values).onConflictDoNothing().returning()
  return row
}

/** The first on the waiting list, locked. */
export async function firstWaiting(tx: Tx, sessionId: string) {
  const [row] = await tx
    .select()
    .from(infoSessionBookings)
    .where(and(eq(infoSessionBookings.sessionId, sessionId), eq(infoSessionBookings.status, 'waiting')))
    .orderBy(asc(infoSessionBookings.requestedAt), asc(infoSessionBookings.id))
    .limit(1)
    .for('update')
  return row
}

export async function updateBooking(tx: Tx, id: string, values: Partial<BookingRow>) {
  const [row] = await tx
    .update(infoSessionBookings)
    .set({ ...values, version: sql`${infoSessionBookings.version} + 1` })
    .where(eq(infoSessionBookings.id, id))
    .returning()
  return row!
}

/** Live sessions starting in [from, to): those due a reminder. */
export function sessionsStartingBetween(db: Q, from: Date, to: Date) {
  return db
    .select({ id: infoSessions.id })
    .from(infoSessions)
    .where(
      and(
        isNull(infoSessions.cancelledAt),
        sql`${infoSessions.startsAt} >= ${from.toISOString()}`,
        lt(infoSessions.startsAt, to),
      ),
    )
    .orderBy(asc(infoSessions.startsAt), asc(infoSessions.id))
}

/**
 * For the council reports: sessions held in the period (not cancelled, starting from `from` and
 * before `before`: the period's days in England), with the
 * places booked on them and those recorded as attended, by audience.
 */
export function heldByAudience(db: Q, councils: Councils, from: Date, before: Date) {
  return db
    .select({
      audience: infoSessions.audience,
      held: sql<number>`count(distinct ${infoSessions.id})::int`,
      booked: sql<number>`count(${infoSessionBookings.id}) filter (where ${infoSessionBookings.status} = 'booked')::int`,
      attended: sql<number>`count(${infoSessionBookings.id}) filter (where ${infoSessionBookings.status} = 'booked' and ${infoSessionBookings.attended})::int`,
    })
    .from(infoSessions)
    .leftJoin(infoSessionBookings, eq(infoSessionBookings.sessionId, infoSessions.id))
    .where(
      and(
        ofCouncils(councils),
        isNull(infoSessions.cancelledAt),
        sql`${infoSessions.startsAt} >= ${from.toISOString()}`,
        lt(infoSessions.startsAt, before),
      ),
    )
    .groupBy(infoSessions.audience)
}
