// Queries that change venues and their rooms. Each change raises the venue's version, so a page
// saved from an older version is refused.
import { and, eq, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { venueRooms, venues } from '../../db/schema/index.ts'
import type { VenueRow } from './repository.ts'

type Q = Db | Tx

export type VenueColumns = Omit<VenueRow, 'id' | 'version' | 'createdAt'>

export async function insertVenue(q: Q, columns: VenueColumns, now: Date) {
  const [row] = await q
    .insert(venues)
    .values({ ...columns, createdAt: now })
    .returning()
  return row!
}

/** False when someone else saved the venue since `version`. */
export async function updateVenue(q: Q, id: string, version: number, columns: VenueColumns): Promise<boolean> {
  const saved = await q
    .update(venues)
    .set({ ...columns, version: sql`${venues.version} + 1` })
    .where(and(eq(venues.id, id), eq(venues.version, version)))
    .returning({ id: venues.id })
  return saved.length === 1
}

const bumpVenue = (q: Q, venueId: string) =>
  q
    .update(venues)
    .set({ version: sql`${venues.version} + 1` })
    .where(eq(venues.id, venueId))

export async function insertRoom(q: Q, venueId: string, room: { name: string; capacity: number; isBreakout: boolean }) {
  await q.insert(venueRooms).values({ venueId, ...room })
  await bumpVenue(q, venueId)
}

/** Rooms are kept (meetings refer to them) but no longer offered; false when there is no such room. */
export async function retireRoom(q: Q, venueId: string, roomId: string): Promise<boolean> {
  const done = await q
    .update(venueRooms)
    .set({ active: false })
    .where(and(eq(venueRooms.id, roomId), eq(venueRooms.venueId, venueId)))
    .returning({ id: venueRooms.id })
  if (done.length) await bumpVenue(q, venueId)
  return done.length === 1
}
