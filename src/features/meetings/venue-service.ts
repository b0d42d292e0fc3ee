// Venues: the neutral places (and online rooms) meetings are held in, with their rooms and what
// they offer for access. A venue is added, and a room added to it, once per form (its one-time key).
import { oncePerKey } from '../../db/once-per-key.ts'
import { refuse, type Result } from '../../domain/result.ts'
import type { MeetingDeps } from './deps.ts'
import { findVenue, venuesWithRooms } from './repository.ts'
import { insertRoom, insertVenue, retireRoom, updateVenue, type VenueColumns } from './venue-repository.ts'

export interface VenueInput {
  name: string
  kind: 'in-person' | 'online'
  address: string
  postcode: string
  onlineLink: string
  stepFree: boolean
  hearingLoop: boolean
  parking: boolean
  quietRoom: boolean
  accessibilityNotes: string
  costPence: number
  active: boolean
}

export interface RoomInput {
  name: string
  capacity: number
  isBreakout: boolean
}

function venueColumns(input: VenueInput): VenueColumns {
  const online = input.kind === 'online'
  return {
    name: input.name,
    kind: input.kind,
    address: online ? null : input.address || null,
    postcode: online ? null : input.postcode || null,
    onlineLink: input.onlineLink || null,
    stepFree: !online && input.stepFree,
    hearingLoop: !online && input.hearingLoop,
    parking: !online && input.parking,
    quietRoom: !online && input.quietRoom,
    accessibilityNotes: input.accessibilityNotes || null,
    costPence: input.costPence,
    active: input.active,
  }
}

export function createVenueService({ db, clock }: MeetingDeps) {
  return {
    /** Every venue with its rooms still in use, active venues first. */
    venueList: () => venuesWithRooms(db),

    /** A venue with its rooms still in use, or undefined. */
    venue: (id: string) => findVenue(db, id),

    async createVenue(input: VenueInput, submissionKey: string): Promise<Result<{ venueId: string }>> {
      return oncePerKey(db, clock, submissionKey, async (tx) => {
        const venue = await insertVenue(tx, venueColumns(input), clock.now())
        return { ok: true, venueId: venue.id }
      })
    },

    /** Refused when someone else saved the venue since the page was shown (at `version`). */
    async updateVenue(id: string, version: number, input: VenueInput): Promise<Result> {
      if (await updateVenue(db, id, version, venueColumns(input))) return { ok: true }
      return refuse(
        'Someone else changed this venue while you were working on it. The page now shows their changes: make yours again and save',
        'name',
        'stale',
      )
    },

    async addRoom(venueId: string, room: RoomInput, submissionKey: string): Promise<Result> {
      if (!(await findVenue(db, venueId))) return refuse('There is no such venue.', undefined, 'not-found')
      return oncePerKey(db, clock, submissionKey, async (tx) => {
        await insertRoom(tx, venueId, room)
        return { ok: true }
      })
    },

    /** Rooms are kept (meetings refer to them) but no longer offered. */
    async removeRoom(venueId: string, roomId: string): Promise<Result<{ name: string }>> {
      const room = (await findVenue(db, venueId))?.rooms.find((r) => r.id === roomId)
      if (!room || !(await db.transaction((tx) => retireRoom(tx, venueId, roomId))))
        return refuse('There is no such room.', undefined, 'not-found')
      return { ok: true, name: room.name }
    },
  }
}
