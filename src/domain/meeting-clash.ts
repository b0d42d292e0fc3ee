// Double bookings: a room (a main room or a breakout room) or a mediator in two meetings whose
// times overlap on the same day. A meeting ending at 12pm and one starting at 12pm do not clash.
import { compare, isValidIsoDate, type IsoDate } from './dates.ts'
import { minutesOf, type ClockTime } from './meeting-times.ts'

export interface Booking {
  /** The meeting's id; the booking being moved is left out of its own clashes. */
  id?: string
  day: IsoDate
  start: ClockTime
  end: ClockTime
  /** The main room and any breakout room. */
  roomIds: readonly string[]
  mediatorId?: string | null
}

export interface Clash {
  kind: 'room' | 'mediator'
  with: Booking
  /** For a room clash: the room booked twice. */
  roomId?: string
}

export function overlaps(a: Booking, b: Booking): boolean {
  if (!isValidIsoDate(a.day) || !isValidIsoDate(b.day) || compare(a.day, b.day) !== 0) return false
  return minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)
}

/** Every clash of the proposed booking with the existing ones: rooms first, then the mediator. */
export function findClashes(proposed: Booking, existing: readonly Booking[]): Clash[] {
  const clashes: Clash[] = []
  const others = existing
    .filter((b) => proposed.id === undefined || b.id !== proposed.id)
    .filter((b) => overlaps(proposed, b))
  for (const other of others) {
    for (const roomId of new Set(proposed.roomIds)) {
      if (other.roomIds.includes(roomId)) clashes.push({ kind: 'room', with: other, roomId })
    }
  }
  if (proposed.mediatorId) {
    for (const other of others)
      if (other.mediatorId === proposed.mediatorId) clashes.push({ kind: 'mediator', with: other })
  }
  return clashes
}

/** Whether the day falls in any of the mediator's unavailable periods (both ends included). */
export function unavailableOn(day: IsoDate, periods: readonly { fromDate: IsoDate; toDate: IsoDate }[]): boolean {
  return periods.some((p) => compare(p.fromDate, day) <= 0 && compare(day, p.toDate) <= 0)
}
