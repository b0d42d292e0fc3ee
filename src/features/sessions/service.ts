// Staff's side of information sessions: create one for a council they work for, see its bookings
// (each look recorded), change or move it, cancel it, record who came, and message everyone
// booked. Everyone booked is told of a change or a cancellation, with the calendar file updated
// (the same UID, a higher sequence). Every change is in the audit trail.
import { randomUUID } from 'node:crypto'
import { oncePerKey } from '../../db/once-per-key.ts'
import { addDays } from '../../domain/dates.ts'
import { londonInstant, type Audience, type SessionMode } from '../../domain/info-sessions.ts'
import { RefusalError, refusalsAsResults, refuse, type Result } from '../../domain/result.ts'
import { worksFor, type StaffUser } from '../../domain/staff.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { recordAccess } from '../cases/index.ts'
import { auditStateOf, moveUpWaiting, PAGE_SIZE, type SessionDeps } from './booking-service.ts'
import { tellBooking } from './notices.ts'
import {
  bookingsOf,
  councilsOf,
  inPersonVenues,
  insertSession,
  lockSession,
  placesTaken,
  sessionById,
  sessionList,
  updateBooking,
  updateSession,
  venueById,
  type Cursor,
  type SessionRow,
} from './repository.ts'

export interface SessionInput {
  councilId: string
  title: string
  description: string
  audience: Audience
  day: string
  startTime: string
  endTime: string
  mode: SessionMode
  venueId: string
  onlineLink: string
  capacity: number
  closesDay: string
  closesTime: string
}

/** How far back the staff list starts: sessions of the last weeks still need their attendance. */
const LIST_DAYS_BACK = 60

const sessionAudit = (s: SessionRow) => ({
  localAuthorityId: s.localAuthorityId,
  title: s.title,
  audience: s.audience,
  day: s.day,
  startTime: s.startTime,
  endTime: s.endTime,
  mode: s.mode,
  venueId: s.venueId,
  onlineLink: s.onlineLink,
  capacity: s.capacity,
  bookingClosesAt: s.bookingClosesAt.toISOString(),
  icsSequence: s.icsSequence,
  cancelledAt: s.cancelledAt?.toISOString() ?? null,
  cancelReason: s.cancelReason,
})

const whereAndWhen = (s: Pick<SessionRow, 'day' | 'startTime' | 'endTime' | 'mode' | 'venueId' | 'onlineLink'>) =>
  [s.day, s.startTime, s.endTime, s.mode, s.venueId, s.onlineLink].join('|')

export function createSessionService(deps: SessionDeps) {
  const { db, clock } = deps

  /** The columns of a session from the form, or why not. */
  async function columnsOf(user: StaffUser, input: SessionInput) {
    if (!worksFor(user, input.councilId)) throw new RefusalError('Select a council you work for', 'councilId')
    if (input.mode === 'in-person') {
      const venue = await venueById(db, input.venueId)
      if (!venue || !venue.active || venue.kind !== 'in-person') throw new RefusalError('Select the venue', 'venueId')
    }
    const startsAt = londonInstant(input.day, input.startTime)
    const closesAt = londonInstant(input.closesDay, input.closesTime)
    if (closesAt > startsAt) throw new RefusalError('Booking must close before the session starts', 'closesDate-day')
    return {
      localAuthorityId: input.councilId,
      title: input.title,
      description: input.description,
      audience: input.audience,
      day: input.day,
      startTime: input.startTime,
      endTime: input.endTime,
      startsAt,
      mode: input.mode,
      venueId: input.mode === 'in-person' ? input.venueId : null,
      onlineLink: input.mode === 'online' ? input.onlineLink : null,
      capacity: input.capacity,
      bookingClosesAt: closesAt,
    }
  }

  /** The session with its place, if this person may see it (else undefined). */
  const visible = (user: StaffUser, id: string) => sessionById(db, id, user.councils)

  return {
    councilsFor: (user: StaffUser) => councilsOf(db, user.councils),
    venues: () => inPersonVenues(db),

    /** This person's councils' sessions from a few weeks ago on, in date order, a page at a time. */
    async list(user: StaffUser, after?: Cursor) {
      const from = londonInstant(addDays(clock.today(), -LIST_DAYS_BACK), '00:00')
      const rows = await sessionList(db, { councils: user.councils, from, after, limit: PAGE_SIZE })
      const page = rows.slice(0, PAGE_SIZE)
      const last = page.at(-1)
      return {
        sessions: page,
        next: rows.length > PAGE_SIZE && last ? { startsAt: last.session.startsAt, id: last.session.id } : undefined,
      }
    },

    /** The session without its bookings (for its forms). */
    session: visible,

    /** The session and who booked: a look at personal data, recorded before it is shown. */
    async withBookings(user: StaffUser, id: string, path: string) {
      const found = await visible(user, id)
      if (!found) return undefined
      await recordAccess(db, clock, { userId: user.id, caseId: null, path })
      const bookings = await bookingsOf(db, id)
      return { ...found, bookings, started: clock.now() >= found.session.startsAt }
    },

    async create(user: StaffUser, input: SessionInput, submissionKey: string, by: AuditActor) {
      return refusalsAsResults<{ sessionId: string }>(async () => {
        const columns = await columnsOf(user, input)
        return oncePerKey(db, clock, submissionKey, async (tx) => {
          const row = await insertSession(tx, {
            ...columns,
            icsUid: `${randomUUID()}@parley.sessions`,
            createdBy: user.id,
            createdAt: clock.now(),
          })
          await recordChange(tx, clock, {
            by,
            action: 'info-session.created',
            record: { kind: 'info-session', id: row.id },
            before: null,
            after: sessionAudit(row),
          })
          return { ok: true as const, sessionId: row.id }
        })
      })
    },

    /** Changes the session; a new date, time or place is sent to everyone (the calendar updated). */
    async change(user: StaffUser, id: string, version: number, input: SessionInput, by: AuditActor): Promise<Result> {
      const found = await visible(user, id)
      if (!found) return refuse('There is no such session.', undefined, 'not-found')
      return refusalsAsResults(async () => {
        const columns = await columnsOf(user, { ...input, councilId: found.session.localAuthorityId })
        return db.transaction(async (tx) => {
          const before = (await lockSession(tx, id))!
          if (before.version !== version) throw stale()
          if (before.cancelledAt) throw new RefusalError('This session is cancelled. It cannot be changed.', 'title')
          const taken = await placesTaken(tx, id)
          if (columns.capacity < taken)
            throw new RefusalError(
              `The number of places must be ${taken} or more: ${taken} people have a place`,
              'capacity',
            )
          const moved = whereAndWhen(before) !== whereAndWhen(columns)
          const after = (await updateSession(tx, id, version, {
            ...columns,
            icsSequence: before.icsSequence + (moved ? 1 : 0),
          }))!
          await recordChange(tx, clock, {
            by,
            action: moved ? 'info-session.moved' : 'info-session.changed',
            record: { kind: 'info-session', id },
            before: sessionAudit(before),
            after: sessionAudit(after),
          })
          const placed = { session: after, council: found.council, venue: (await sessionById(tx, id))!.venue }
          if (moved)
            for (const b of await bookingsOf(tx, id))
              await tellBooking(tx, clock, deps, placed, b, 'session-changed', {
                createdBy: user.id,
                calendar: b.status === 'booked',
              })
          await moveUpWaiting(tx, deps, placed, by)
          return { ok: true }
        })
      })
    },

    /** Calls the session off: everyone booked or waiting is told (a CANCEL for those with a place). */
    async cancel(user: StaffUser, id: string, version: number, reason: string, by: AuditActor): Promise<Result> {
      const found = await visible(user, id)
      if (!found) return refuse('There is no such session.', undefined, 'not-found')
      return db.transaction(async (tx) => {
        const before = (await lockSession(tx, id))!
        if (before.version !== version) return refuse(staleText, 'reason', 'stale')
        if (before.cancelledAt) return { ok: true }
        const after = (await updateSession(tx, id, version, {
          cancelledAt: clock.now(),
          cancelReason: reason,
          icsSequence: before.icsSequence + 1,
        }))!
        await recordChange(tx, clock, {
          by,
          action: 'info-session.cancelled',
          record: { kind: 'info-session', id },
          before: sessionAudit(before),
          after: sessionAudit(after),
        })
        const placed = { session: after, council: found.council, venue: found.venue }
        for (const b of await bookingsOf(tx, id))
          await tellBooking(tx, clock, deps, placed, b, 'session-cancelled', {
            reason,
            createdBy: user.id,
            calendar: b.status === 'booked',
          })
        return { ok: true }
      })
    },

    /** Who came, once the session has started: each booked person ticked came, the others did not. */
    async recordAttendance(user: StaffUser, id: string, came: readonly string[], by: AuditActor): Promise<Result> {
      const found = await visible(user, id)
      if (!found) return refuse('There is no such session.', undefined, 'not-found')
      if (clock.now() < found.session.startsAt)
        return refuse('You can record who came once the session has started', 'attended')
      return db.transaction(async (tx) => {
        for (const b of await bookingsOf(tx, id, ['booked'])) {
          const attended = came.includes(b.id)
          if (b.attended === attended) continue
          const after = await updateBooking(tx, b.id, { attended })
          await recordChange(tx, clock, {
            by,
            action: 'session-booking.attendance',
            record: { kind: 'session-booking', id: b.id },
            before: auditStateOf(b),
            after: auditStateOf(after),
          })
        }
        return { ok: true }
      })
    },

    /** A message to everyone with a place, by the channel each chose, once per form. */
    async messageEveryone(
      user: StaffUser,
      id: string,
      message: string,
      submissionKey: string,
      by: AuditActor,
    ): Promise<Result<{ sent: number }>> {
      const found = await visible(user, id)
      if (!found) return refuse('There is no such session.', undefined, 'not-found')
      return oncePerKey(db, clock, submissionKey, async (tx) => {
        const booked = await bookingsOf(tx, id, ['booked'])
        if (!booked.length) return refuse('Nobody has a place on this session yet', 'message')
        let sent = 0
        for (const b of booked)
          if (await tellBooking(tx, clock, deps, found, b, 'session-message', { message, createdBy: user.id })) sent++
        await recordChange(tx, clock, {
          by,
          action: 'info-session.messaged',
          record: { kind: 'info-session', id },
          before: null,
          after: { message, recipients: booked.map((b) => b.id) },
        })
        return { ok: true as const, sent }
      })
    },
  }
}

const staleText =
  'Someone else changed this session while you were working on it. The page now shows their changes: make yours again'
const stale = () => new RefusalError(staleText, 'title', 'stale')

export type SessionService = ReturnType<typeof createSessionService>
