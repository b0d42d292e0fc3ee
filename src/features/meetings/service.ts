// Venues, availability and the meeting itself. Booking, moving and cancelling each run in one
// transaction with the case locked: the meeting row, the workflow's event (so the status and the
// statutory clocks stay right), the invitation to every party and the mediator with its .ics
// file, and the notice recorded as sent. A clash of room or mediator is refused inside that
// transaction, with the day locked, so two bookings made at once cannot both take a room.
import { randomUUID } from 'node:crypto'
import { and, eq, ne, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { caseParties, cases, meetings, partyAvailability, venueRooms, venues } from '../../db/schema/index.ts'
import { formatLongDate, type IsoDate } from '../../domain/dates.ts'
import { adjustmentKinds, type AdjustmentKind } from '../../domain/request.ts'
import { findClashes, unavailableOn } from '../../domain/meeting-clash.ts'
import { icsAttachment, type MeetingInvitation } from '../../domain/meeting-ics.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import type { Availability } from '../../domain/meeting-availability.ts'
import { appendEvent, type Actor, refreshDeadlineIndex, createWorkflowService } from '../cases/index.ts'
import { queueForParty, queueMessage, type Attachment, serviceValues } from '../messages/index.ts'
import { inPartyOrder, isPreparingParty, partyLabel } from '../preparation/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import {
  caseMediator,
  findRoom,
  liveMeeting,
  liveMeetingsBetween,
  liveMeetingsOn,
  mediatorById,
  unavailabilityOf,
  withPlace,
  type PlacedMeeting,
} from './repository.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { meetingTemplates } from './templates.ts'

/** A refusal for the person booking, tied to the form field to fix. */
export class MeetingRefused extends Error {
  readonly field: string
  readonly code: 'refused' | 'stale' | 'not-found'
  constructor(field: string, message: string, code: 'refused' | 'stale' | 'not-found' = 'refused') {
    super(message)
    this.field = field
    this.code = code
  }
}

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

// --- Words for messages and pages ---

const featureWords: [keyof typeof venues.$inferSelect, string][] = [
  ['stepFree', 'step-free access'],
  ['hearingLoop', 'a hearing loop'],
  ['parking', 'parking'],
  ['quietRoom', 'a quiet room'],
]

/** "Room 2, Warrington Town Hall, Sankey Street, Warrington WA1 1UH", or "Online (Video room)". */
export function placeText(m: Pick<PlacedMeeting, 'venue' | 'room'>): string {
  if (!m.venue) return 'To be confirmed'
  if (m.venue.kind === 'online') return `Online (${m.venue.name})`
  return [m.room?.name, m.venue.name, m.venue.address, m.venue.postcode].filter(Boolean).join(', ')
}

/** What the venue offers, in a sentence: "Access: step-free access, a hearing loop. A private room ..." */
export function accessText(m: Pick<PlacedMeeting, 'venue' | 'breakout'>): string {
  if (!m.venue || m.venue.kind === 'online') return ''
  const features = featureWords.filter(([key]) => m.venue![key] === true).map(([, words]) => words)
  const parts = [
    features.length
      ? `The venue has ${features.join(', ')}.`
      : 'The venue has not told us about step-free access, a hearing loop or parking: ask us if you need them.',
    m.breakout ? `There is a separate room for private conversations (${m.breakout.name}).` : '',
    m.venue.accessibilityNotes ?? '',
  ]
  return parts.filter(Boolean).join(' ')
}

const linkOf = (m: Pick<PlacedMeeting, 'onlineLink' | 'venue'>) => m.onlineLink || m.venue?.onlineLink || ''

/** A party's own adjustments, as words. */
export function adjustmentsOf(party: { adjustments: unknown }): string {
  const a = (party.adjustments ?? {}) as { kinds?: string[]; language?: string; details?: string }
  const kinds = (a.kinds ?? []).map((k) => (k in adjustmentKinds ? adjustmentKinds[k as AdjustmentKind] : k))
  const words = [...kinds, a.language ? `Language: ${a.language}` : '', a.details ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
  return words.join('; ')
}

/** The adjustments every party asked for, one line each: the starting text for the meeting's list. */
export function gatheredAdjustments(
  parties: { role: string; name: string; organisation: string | null; adjustments: unknown }[],
): string {
  return inPartyOrder(parties.filter(isPreparingParty))
    .map((p) => ({ who: partyLabel(p), what: adjustmentsOf(p) }))
    .filter((p) => p.what)
    .map((p) => `${p.who}: ${p.what}`)
    .join('\n')
}

export function createMeetingService({ db, clock }: { db: Db; clock: Clock }) {
  // --- Venues ---

  async function createVenue(tx: Tx, input: VenueInput) {
    const [row] = await tx
      .insert(venues)
      .values({ ...venueColumns(input), createdAt: clock.now() })
      .returning()
    return row!
  }

  /** Refused (false) when someone else saved the venue since the page was shown. */
  async function updateVenue(id: string, version: number, input: VenueInput): Promise<boolean> {
    const saved = await db
      .update(venues)
      .set({ ...venueColumns(input), version: sql`${venues.version} + 1` })
      .where(and(eq(venues.id, id), eq(venues.version, version)))
      .returning({ id: venues.id })
    return saved.length === 1
  }

  async function addRoom(tx: Tx, venueId: string, room: { name: string; capacity: number; isBreakout: boolean }) {
    await tx.insert(venueRooms).values({ venueId, ...room })
    await tx
      .update(venues)
      .set({ version: sql`${venues.version} + 1` })
      .where(eq(venues.id, venueId))
  }

  /** Rooms are kept (meetings refer to them) but no longer offered. */
  async function removeRoom(venueId: string, roomId: string): Promise<boolean> {
    const done = await db
      .update(venueRooms)
      .set({ active: false })
      .where(and(eq(venueRooms.id, roomId), eq(venueRooms.venueId, venueId)))
      .returning({ id: venueRooms.id })
    if (done.length)
      await db
        .update(venues)
        .set({ version: sql`${venues.version} + 1` })
        .where(eq(venues.id, venueId))
    return done.length === 1
  }

  // --- Availability ---

  /** One party's answers for several days at once: a blank answer clears the day. */
  async function saveAvailability(
    tx: Tx,
    caseId: string,
    partyId: string,
    answers: { day: IsoDate; availability: Availability | '' }[],
    actor: Actor,
  ) {
    const [party] = await tx
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId)))
    if (!party || !isPreparingParty(party))
      throw new MeetingRefused('party', 'Choose a party in this case', 'not-found')
    let given = 0
    for (const { day, availability } of answers) {
      if (availability === '') {
        await tx
          .delete(partyAvailability)
          .where(and(eq(partyAvailability.partyId, partyId), eq(partyAvailability.day, day)))
        continue
      }
      given++
      await tx
        .insert(partyAvailability)
        .values({
          caseId,
          partyId,
          day,
          availability,
          source: 'staff',
          recordedBy: actor.userId,
          recordedAt: clock.now(),
        })
        .onConflictDoUpdate({
          target: [partyAvailability.partyId, partyAvailability.day],
          set: { availability, source: 'staff', recordedBy: actor.userId ?? null, recordedAt: clock.now() },
        })
    }
    await appendEvent(tx, clock, {
      caseId,
      type: 'availability-recorded',
      actor,
      data: { party: partyLabel(party), partyId, days: given },
    })
    return party
  }

  // --- Booking, moving, cancelling ---

  /** Checks the place, the clashes and the mediator; returns the columns for the meeting row. */
  async function placeAndChecks(tx: Tx, caseId: string, input: BookingInput, meetingId: string | undefined) {
    const mediator = await caseMediator(tx, caseId)
    if (!mediator) throw new MeetingRefused('meetingDate-day', 'Allocate a mediator before booking the meeting')
    // Bookings for one day wait for each other, so two cannot take the same room at once.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`parley-meetings-${input.day}`}))`)

    let venueId: string
    let roomId: string | null = null
    let onlineLink: string | null = null
    if (input.place.kind === 'room') {
      const found = await findRoom(tx, input.place.roomId)
      if (!found || !found.room.active || !found.venue.active || found.venue.kind !== 'in-person')
        throw new MeetingRefused('place', 'Choose a room that is still available')
      venueId = found.venue.id
      roomId = found.room.id
    } else {
      const [venue] = await tx.select().from(venues).where(eq(venues.id, input.place.venueId))
      if (!venue || !venue.active || venue.kind !== 'online')
        throw new MeetingRefused('place', 'Choose a room that is still available')
      venueId = venue.id
      onlineLink = input.onlineLink || venue.onlineLink || null
      if (!onlineLink) throw new MeetingRefused('onlineLink', 'Enter the link for the online meeting')
    }
    let breakoutRoomId: string | null = null
    if (input.breakoutRoomId) {
      const found = await findRoom(tx, input.breakoutRoomId)
      if (!found || !found.room.active || found.venue.id !== venueId || found.room.id === roomId) {
        throw new MeetingRefused(
          'breakoutRoom',
          'Choose a breakout room at the same venue as the meeting room, or none',
        )
      }
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
    const roomClash = clashes.find((c) => c.kind === 'room')
    if (roomClash) {
      const room = await findRoom(tx, roomClash.roomId!)
      const which = roomClash.roomId === breakoutRoomId ? 'breakoutRoom' : 'place'
      throw new MeetingRefused(
        which,
        `${room?.room.name ?? 'That room'} at ${room?.venue.name ?? 'the venue'} is already booked from ${formatTimeRange(roomClash.with.start, roomClash.with.end)} on ${formatLongDate(input.day)}. Choose another room or time`,
      )
    }
    const mediatorClash = clashes.find((c) => c.kind === 'mediator')
    if (mediatorClash) {
      throw new MeetingRefused(
        'startTime',
        `${mediator.name} already has a meeting from ${formatTimeRange(mediatorClash.with.start, mediatorClash.with.end)} on ${formatLongDate(input.day)}. Choose another time or day`,
      )
    }
    if (unavailableOn(input.day, await unavailabilityOf(tx, mediator.id))) {
      throw new MeetingRefused(
        'meetingDate-day',
        `${mediator.name} is not available on ${formatLongDate(input.day)}. Choose another day`,
      )
    }
    return { mediator, columns: { mediatorId: mediator.id, venueId, roomId, breakoutRoomId, onlineLink } }
  }

  /** Queues the message (with its .ics) to every party and the mediator; returns who could not be reached. */
  async function tellEveryone(
    tx: Tx,
    caseId: string,
    meeting: PlacedMeeting,
    kind: 'invitation' | 'update' | 'cancellation',
    actor: Actor,
    reason = '',
  ) {
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId))
    const parties = inPartyOrder(
      (await tx.select().from(caseParties).where(eq(caseParties.caseId, caseId))).filter(isPreparingParty),
    )
    const mediator = meeting.mediatorId ? await mediatorById(tx, meeting.mediatorId) : undefined
    const service = await serviceValues(tx)
    const link = linkOf(meeting)
    const details = {
      child: caseRow!.childName,
      reference: caseRow!.reference,
      date: formatLongDate(meeting.day),
      time: formatTimeRange(meeting.startTime, meeting.endTime),
      place: placeText(meeting),
      access: accessText(meeting),
      'online-link': link ? `Join the meeting online: ${link}` : '',
      reason,
      ...service,
    }
    const invitation: MeetingInvitation = {
      method: kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
      uid: meeting.icsUid,
      sequence: meeting.icsSequence,
      day: meeting.day,
      start: meeting.startTime,
      end: meeting.endTime,
      summary: `Mediation meeting: ${caseRow!.reference}`,
      location: placeText(meeting),
      description: [
        `Mediation meeting about ${caseRow!.childName} (reference ${caseRow!.reference}).`,
        accessText(meeting),
        link ? `Join online: ${link}` : '',
        `Questions: ${service['service-phone']} ${service['service-email']}`.trim(),
      ]
        .filter(Boolean)
        .join('\n'),
      ...(link ? { url: link } : {}),
      ...(service['service-email']
        ? { organizer: { name: service['service-name'] ?? 'Parley', email: service['service-email'] } }
        : {}),
      attendees: [
        ...parties.filter((p) => p.email).map((p) => ({ name: p.name || partyLabel(p), email: p.email! })),
        ...(mediator ? [{ name: mediator.name, email: mediator.email }] : []),
      ],
      stamp: clock.now(),
    }
    const attachments: Attachment[] = [icsAttachment(invitation)]
    const template = templateNamed(meetingTemplates, `meeting-${kind}`)
    const unreached: string[] = []
    for (const party of parties) {
      const own = adjustmentsOf(party)
      const row = await queueForParty(tx, clock, party.id, {
        caseId,
        template,
        values: {
          ...details,
          name: party.name || partyLabel(party),
          adjustments: own || 'None asked for yet. Tell us if you need anything.',
        },
        attachments,
        createdBy: actor.userId,
      })
      if (!row) {
        unreached.push(partyLabel(party))
        continue
      }
      const what =
        kind === 'invitation'
          ? 'Invitation to the meeting'
          : kind === 'update'
            ? 'The meeting has changed: new details'
            : 'The meeting is cancelled'
      await appendEvent(tx, clock, {
        caseId,
        type: 'update-sent',
        actor,
        data: {
          partyId: party.id,
          partyName: party.name || partyLabel(party),
          channel: row.channel,
          note: `${what} (${details.date}, ${details.time}).`,
        },
      })
    }
    if (mediator) {
      await queueMessage(tx, clock, {
        caseId,
        to: { name: mediator.name, email: mediator.email, phone: mediator.phone, methods: ['email'] },
        channel: 'email',
        template,
        values: { ...details, name: mediator.name, adjustments: meeting.adjustments?.trim() || 'None asked for.' },
        attachments,
        createdBy: actor.userId,
      })
    }
    return unreached
  }

  type ChangeResult = { meetingId: string; unreached: string[] }

  /**
   * Books a new meeting, or moves the live one (`moving`: its id and version): through the
   * workflow's 'arrange-meeting', in the caller's transaction.
   */
  async function arrange(
    tx: Tx,
    caseId: string,
    input: BookingInput,
    options: { actor: Actor; expectedVersion: number; moving?: { id: string; version: number } },
  ): Promise<ChangeResult> {
    const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
    let meeting: PlacedMeeting | undefined
    // For the timeline's "Where:" (the place itself is checked with the case locked, below).
    const room = input.place.kind === 'room' ? await findRoom(tx, input.place.roomId) : undefined
    const [online] =
      input.place.kind === 'online' ? await tx.select().from(venues).where(eq(venues.id, input.place.venueId)) : []
    const venue = room ? `${room.room.name}, ${room.venue.name}` : online ? `Online (${online.name})` : undefined
    const result = await workflow.apply(
      caseId,
      {
        type: 'arrange-meeting',
        meetingDate: input.day,
        shorterNoticeAgreed: input.shorterNotice !== undefined,
        ...(venue ? { venue } : {}),
      },
      {
        actor: options.actor,
        expectedVersion: options.expectedVersion,
        beforeEvent: async (inner) => {
          const current = await liveMeeting(inner, caseId)
          if (options.moving) {
            if (!current || current.id !== options.moving.id)
              throw new MeetingRefused(
                'meetingDate-day',
                'This meeting was cancelled or replaced while you were working. Check the meeting and try again',
                'stale',
              )
            if (current.version !== options.moving.version)
              throw new MeetingRefused(
                'meetingDate-day',
                'Someone else changed this meeting while you were working on it. Check the meeting and try again',
                'stale',
              )
          } else if (current) {
            throw new MeetingRefused(
              'meetingDate-day',
              `A meeting is already booked for ${formatLongDate(current.day)}. Move it instead of booking another`,
              'stale',
            )
          }
          const { columns } = await placeAndChecks(inner, caseId, input, options.moving?.id)
          const common = {
            ...columns,
            day: input.day,
            startTime: input.start,
            endTime: input.end,
            noticeSentOn: clock.today(),
            shorterNoticeAgreedBy: input.shorterNotice?.by ?? null,
            shorterNoticeAgreedOn: input.shorterNotice?.on ?? null,
            adjustments: input.adjustments.trim() || null,
          }
          let row
          if (options.moving) {
            ;[row] = await inner
              .update(meetings)
              .set({ ...common, icsSequence: sql`${meetings.icsSequence} + 1`, version: sql`${meetings.version} + 1` })
              .where(and(eq(meetings.id, options.moving.id), eq(meetings.version, options.moving.version)))
              .returning()
          } else {
            const id = randomUUID()
            ;[row] = await inner
              .insert(meetings)
              .values({
                id,
                caseId,
                ...common,
                icsUid: `${id}@parley`,
                icsSequence: 0,
                bookedBy: options.actor.userId,
                bookedAt: clock.now(),
              })
              .returning()
          }
          meeting = await withPlace(inner, row!)
        },
      },
    )
    if (!result.ok) {
      throw new MeetingRefused(
        'meetingDate-day',
        result.code === 'stale'
          ? 'Someone else changed this case while you were working on it. Check the case and try again'
          : result.reason.replace(/\.$/, ''),
        result.code === 'stale' ? 'stale' : result.code === 'not-found' ? 'not-found' : 'refused',
      )
    }
    const booked = meeting!
    // The date and place go to everyone now: the notice the meeting-notice clock waits for.
    const unreached = await tellEveryone(tx, caseId, booked, options.moving ? 'update' : 'invitation', options.actor)
    await appendEvent(tx, clock, {
      caseId,
      type: 'meeting-notice-sent',
      actor: options.actor,
      data: {
        meetingDate: booked.day,
        place: placeText(booked),
        ...(input.shorterNotice
          ? { shorterNoticeAgreedBy: input.shorterNotice.by, shorterNoticeAgreedOn: input.shorterNotice.on }
          : {}),
      },
    })
    await refreshDeadlineIndex(tx, clock, caseId)
    return { meetingId: booked.id, unreached }
  }

  /**
   * Cancels the live meeting through the workflow's 'cancel-meeting' (the case goes back to
   * preparation): the sequence goes up and everyone gets a CANCEL.
   */
  async function cancel(
    tx: Tx,
    caseId: string,
    input: { meetingId: string; meetingVersion: number; expectedVersion: number; reason: string },
    actor: Actor,
  ): Promise<ChangeResult> {
    const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
    const [current] = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.id, input.meetingId), eq(meetings.caseId, caseId)))
    const place = current ? placeText(await withPlace(tx, current)) : undefined
    let cancelled: PlacedMeeting | undefined
    const result = await workflow.apply(
      caseId,
      { type: 'cancel-meeting', reason: input.reason, ...(place ? { place } : {}) },
      {
        actor,
        expectedVersion: input.expectedVersion,
        beforeEvent: async (inner) => {
          const [row] = await inner
            .update(meetings)
            .set({
              cancelledAt: clock.now(),
              cancelReason: input.reason,
              icsSequence: sql`${meetings.icsSequence} + 1`,
              version: sql`${meetings.version} + 1`,
            })
            .where(
              and(
                eq(meetings.id, input.meetingId),
                eq(meetings.caseId, caseId),
                eq(meetings.version, input.meetingVersion),
                sql`${meetings.cancelledAt} is null`,
              ),
            )
            .returning()
          if (!row)
            throw new MeetingRefused(
              'reason',
              'Someone else changed this meeting while you were working on it. Check the meeting and try again',
              'stale',
            )
          cancelled = await withPlace(inner, row)
        },
      },
    )
    if (!result.ok) {
      throw new MeetingRefused(
        'reason',
        result.code === 'stale'
          ? 'Someone else changed this case while you were working on it. Check the case and try again'
          : result.reason.replace(/\.$/, ''),
        result.code === 'stale' ? 'stale' : result.code === 'not-found' ? 'not-found' : 'refused',
      )
    }
    const unreached = await tellEveryone(tx, caseId, cancelled!, 'cancellation', actor, input.reason)
    return { meetingId: cancelled!.id, unreached }
  }

  return { createVenue, updateVenue, addRoom, removeRoom, saveAvailability, arrange, cancel }
}

function venueColumns(input: VenueInput) {
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

/**
 * Meeting reminders: the reminder goes to each party the set number of working days before the
 * meeting (settings: meetingReminderDays), once per meeting and version of it (a moved meeting is
 * reminded again). Safe to run as often as wanted: the outbox's key makes each one once.
 */
export async function queueMeetingReminders({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  const today = clock.today()
  const settings = await readSettings(db)
  const days = settings.meetingReminderDays
  const calendar = await currentCalendar(db)
  const horizon = calendar.addWorkingDays(today, days)
  const candidates = await liveMeetingsBetween(db, today, horizon)
  let queued = 0
  for (const candidate of candidates) {
    if (candidate.day <= today) continue
    if (calendar.subtractWorkingDays(candidate.day, days) > today) continue
    await db.transaction(async (tx) => {
      const meeting = await withPlace(tx, candidate)
      const [caseRow] = await tx.select().from(cases).where(eq(cases.id, meeting.caseId))
      if (!caseRow || caseRow.status !== 'meeting-arranged') return
      const parties = inPartyOrder(
        await tx
          .select()
          .from(caseParties)
          .where(and(eq(caseParties.caseId, meeting.caseId), ne(caseParties.role, 'referrer'))),
      )
      const service = await serviceValues(tx)
      const link = linkOf(meeting)
      for (const party of parties) {
        const row = await queueForParty(tx, clock, party.id, {
          caseId: meeting.caseId,
          template: templateNamed(meetingTemplates, 'meeting-reminder'),
          dedupeKey: `meeting-reminder:${meeting.id}:${meeting.icsSequence}:${party.id}`,
          values: {
            name: party.name || partyLabel(party),
            child: caseRow.childName,
            reference: caseRow.reference,
            date: formatLongDate(meeting.day),
            time: formatTimeRange(meeting.startTime, meeting.endTime),
            place: placeText(meeting),
            access: accessText(meeting),
            'online-link': link ? `Join the meeting online: ${link}` : '',
            adjustments: adjustmentsOf(party) || 'None asked for yet. Tell us if you need anything.',
            ...service,
          },
        })
        if (row) queued++
      }
    })
  }
  return queued
}

export type MeetingService = ReturnType<typeof createMeetingService>
