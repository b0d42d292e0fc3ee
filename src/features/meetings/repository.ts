// Queries that read venues, availability and meetings. No rules here (domain/meeting-*.ts), no
// changes (venue-repository.ts and meeting-repository.ts write).
import { and, asc, desc, eq, gte, isNull, lte } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  allocations,
  cases,
  mediatorUnavailability,
  mediators,
  meetings,
  partyAvailability,
  venueRooms,
  venues,
} from '../../db/schema/index.ts'
import { isAvailability, type AvailabilityEntry } from '../../domain/meeting-availability.ts'
import { partiesOf } from '../cases/index.ts'
import { inPartyOrder, isPreparingParty } from '../preparation/index.ts'

type Q = Db | Tx

export type VenueRow = typeof venues.$inferSelect
export type RoomRow = typeof venueRooms.$inferSelect
export type MeetingRow = typeof meetings.$inferSelect

/** Every venue with its rooms still in use, active venues first, by name. */
export async function venuesWithRooms(q: Q) {
  const [rows, rooms] = await Promise.all([
    q.select().from(venues).orderBy(desc(venues.active), asc(venues.name)),
    q
      .select()
      .from(venueRooms)
      .where(eq(venueRooms.active, true))
      .orderBy(asc(venueRooms.isBreakout), asc(venueRooms.name)),
  ])
  return rows.map((v) => ({ ...v, rooms: rooms.filter((r) => r.venueId === v.id) }))
}

export async function findVenue(q: Q, id: string) {
  const [venue] = await q.select().from(venues).where(eq(venues.id, id))
  if (!venue) return undefined
  const rooms = await q
    .select()
    .from(venueRooms)
    .where(and(eq(venueRooms.venueId, id), eq(venueRooms.active, true)))
    .orderBy(asc(venueRooms.isBreakout), asc(venueRooms.name))
  return { ...venue, rooms }
}

export async function venueById(q: Q, id: string) {
  const [row] = await q.select().from(venues).where(eq(venues.id, id))
  return row
}

export async function findRoom(q: Q, id: string) {
  const [row] = await q
    .select({ room: venueRooms, venue: venues })
    .from(venueRooms)
    .innerJoin(venues, eq(venues.id, venueRooms.venueId))
    .where(eq(venueRooms.id, id))
  return row
}

export async function availabilityOf(q: Q, caseId: string): Promise<AvailabilityEntry[]> {
  const rows = await q.select().from(partyAvailability).where(eq(partyAvailability.caseId, caseId))
  return rows.flatMap((r) =>
    isAvailability(r.availability) ? [{ partyId: r.partyId, day: r.day, availability: r.availability }] : [],
  )
}

/** The case's meeting that is not cancelled, with where it is. */
export async function liveMeeting(q: Q, caseId: string) {
  const [row] = await q
    .select()
    .from(meetings)
    .where(and(eq(meetings.caseId, caseId), isNull(meetings.cancelledAt)))
  return row ? withPlace(q, row) : undefined
}

/** The most recent cancelled meeting, when there is no live one (to say so on the page). */
export async function lastCancelledMeeting(q: Q, caseId: string) {
  const [row] = await q
    .select()
    .from(meetings)
    .where(eq(meetings.caseId, caseId))
    .orderBy(desc(meetings.bookedAt))
    .limit(1)
  return row?.cancelledAt ? row : undefined
}

/** A meeting of the case (live or cancelled). */
export async function meetingOfCase(q: Q, caseId: string, meetingId: string) {
  const [row] = await q
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.caseId, caseId)))
  return row
}

export async function withPlace(q: Q, row: MeetingRow) {
  const venue = row.venueId ? await venueById(q, row.venueId) : undefined
  const room = row.roomId ? (await findRoom(q, row.roomId))?.room : undefined
  const breakout = row.breakoutRoomId ? (await findRoom(q, row.breakoutRoomId))?.room : undefined
  return { ...row, venue, room, breakout }
}
export type PlacedMeeting = Awaited<ReturnType<typeof withPlace>>

/** Meetings not cancelled on a day, of every case: for clashes. */
export async function liveMeetingsOn(q: Q, day: string) {
  return q
    .select()
    .from(meetings)
    .where(and(eq(meetings.day, day), isNull(meetings.cancelledAt)))
}

/** Live meetings from one day to another (both included): for reminders. */
export async function liveMeetingsBetween(q: Q, from: string, to: string) {
  return q
    .select()
    .from(meetings)
    .where(and(gte(meetings.day, from), lte(meetings.day, to), isNull(meetings.cancelledAt)))
}

/** The mediator holding the case's live allocation. */
export async function caseMediator(q: Q, caseId: string) {
  const [row] = await q
    .select({ id: mediators.id, name: mediators.name, email: mediators.email, phone: mediators.phone })
    .from(allocations)
    .innerJoin(mediators, eq(mediators.id, allocations.mediatorId))
    .where(and(eq(allocations.caseId, caseId), isNull(allocations.endedAt)))
    .orderBy(desc(allocations.allocatedAt))
    .limit(1)
  return row
}

export async function unavailabilityOf(q: Q, mediatorId: string) {
  return q.select().from(mediatorUnavailability).where(eq(mediatorUnavailability.mediatorId, mediatorId))
}

export async function mediatorById(q: Q, id: string) {
  const [row] = await q.select().from(mediators).where(eq(mediators.id, id))
  return row
}

export async function caseOf(q: Q, caseId: string) {
  const [row] = await q.select().from(cases).where(eq(cases.id, caseId))
  return row
}

/** The parties to the mediation (not whoever referred the family), in a steady order. */
export async function mediationParties(q: Q, caseId: string) {
  return inPartyOrder((await partiesOf(q, caseId)).filter(isPreparingParty))
}
