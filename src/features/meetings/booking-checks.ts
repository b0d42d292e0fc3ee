// The checks a booking (or a move) makes with the day locked: the place still there and bookable,
// a breakout room at the same venue, no room or mediator clash, the mediator not away that day.
import type { Tx } from '../../db/client.ts'
import { formatLongDate, type IsoDate } from '../../domain/dates.ts'
import { findClashes, unavailableOn } from '../../domain/meeting-clash.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import { RefusalError } from '../../domain/result.ts'
import { lockDay, type MeetingColumns } from './meeting-repository.ts'
import { caseMediator, findRoom, liveMeetingsOn, unavailabilityOf, venueById } from './repository.ts'

export type Place = { kind: 'room'; roomId: string } | { kind: 'online'; venueId: string }

export interface BookingInput {
  day: IsoDate
  start: string
  end: string
  place: Place
  breakoutRoomId?: string
  onlineLink?: string
  adjustments: string
  shorterNotice?: { by: string; on: IsoDate }
}

const goneRoom = () => new RefusalError('Choose a room that is still available', 'place')

/** Where the meeting is, as the case's timeline says it ("Room 2, Warrington Town Hall"). */
export async function placeWords(tx: Tx, place: Place): Promise<string | undefined> {
  if (place.kind === 'room') {
    const room = await findRoom(tx, place.roomId)
    return room ? `${room.room.name}, ${room.venue.name}` : undefined
  }
  const online = await venueById(tx, place.venueId)
  return online ? `Online (${online.name})` : undefined
}

/** Checks the place, the clashes and the mediator (with the day locked); the columns for the meeting row. */
export async function placeAndChecks(
  tx: Tx,
  caseId: string,
  input: BookingInput,
  meetingId: string | undefined,
): Promise<Pick<MeetingColumns, 'mediatorId' | 'venueId' | 'roomId' | 'breakoutRoomId' | 'onlineLink'>> {
  const mediator = await caseMediator(tx, caseId)
  if (!mediator) throw new RefusalError('Allocate a mediator before booking the meeting', 'meetingDate-day')
  await lockDay(tx, input.day)

  let venueId: string
  let roomId: string | null = null
  let onlineLink: string | null = null
  if (input.place.kind === 'room') {
    const found = await findRoom(tx, input.place.roomId)
    if (!found || !found.room.active || !found.venue.active || found.venue.kind !== 'in-person') throw goneRoom()
    venueId = found.venue.id
    roomId = found.room.id
  } else {
    const venue = await venueById(tx, input.place.venueId)
    if (!venue || !venue.active || venue.kind !== 'online') throw goneRoom()
    venueId = venue.id
    onlineLink = input.onlineLink || venue.onlineLink || null
    if (!onlineLink) throw new RefusalError('Enter the link for the online meeting', 'onlineLink')
  }
  let breakoutRoomId: string | null = null
  if (input.breakoutRoomId) {
    const found = await findRoom(tx, input.breakoutRoomId)
    if (!found || !found.room.active || found.venue.id !== venueId || found.room.id === roomId)
      throw new RefusalError('Choose a breakout room at the same venue as the meeting room, or none', 'breakoutRoom')
    breakoutRoomId = found.room.id
  }

  const existing = (await liveMeetingsOn(tx, input.day)).map((m) => ({
    id: m.id,
    day: m.day,
    start: m.startTime,
    end: m.endTime,
    mediatorId: m.mediatorId,
    roomIds: [m.roomId, m.breakoutRoomId].filter((r): r is string => r !== null),
  }))
  const clashes = findClashes(
    {
      id: meetingId,
      day: input.day,
      start: input.start,
      end: input.end,
      mediatorId: mediator.id,
      roomIds: [roomId, breakoutRoomId].filter((r): r is string => r !== null),
    },
    existing,
  )
  const on = formatLongDate(input.day)
  const roomClash = clashes.find((c) => c.kind === 'room')
  if (roomClash) {
    const room = await findRoom(tx, roomClash.roomId!)
    throw new RefusalError(
      `${room?.room.name ?? 'That room'} at ${room?.venue.name ?? 'the venue'} is already booked from ${formatTimeRange(roomClash.with.start, roomClash.with.end)} on ${on}. Choose another room or time`,
      roomClash.roomId === breakoutRoomId ? 'breakoutRoom' : 'place',
    )
  }
  const mediatorClash = clashes.find((c) => c.kind === 'mediator')
  if (mediatorClash) {
    throw new RefusalError(
      `${mediator.name} already has a meeting from ${formatTimeRange(mediatorClash.with.start, mediatorClash.with.end)} on ${on}. Choose another time or day`,
      'startTime',
    )
  }
  if (unavailableOn(input.day, await unavailabilityOf(tx, mediator.id)))
    throw new RefusalError(`${mediator.name} is not available on ${on}. Choose another day`, 'meetingDate-day')
  return { mediatorId: mediator.id, venueId, roomId, breakoutRoomId, onlineLink }
}
