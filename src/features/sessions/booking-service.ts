// The public side of information sessions: a council's upcoming sessions, booking a place (or a
// place on the waiting list) without an account, and cancelling through the link in the message.
// One booking or cancellation of a session at a time: each locks the session's row first, so two
// people taking the last place get one place each or a clear "now full", and a double submit finds
// the booking its first submit made (the form's one-time key, unique).
import { randomUUID } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { bookingState, contactKeyOf, type BookingState } from '../../domain/info-sessions.ts'
import { RefusalError, refusalsAsResults, refuse, type Result } from '../../domain/result.ts'
import { providerContact, reachableAt } from '../../web/provider.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { bookingToken, tellBooking, tokenHashOf, type LinkDeps, type Placed } from './notices.ts'
import {
  bookingBySubmissionKey,
  bookingByTokenHash,
  councilByCode,
  firstWaiting,
  insertBooking,
  liveBookingOf,
  lockSession,
  placesTaken,
  sessionById,
  sessionList,
  updateBooking,
  type BookingRow,
  type Cursor,
} from './repository.ts'

export type { FullSession, SessionCouncil } from './repository.ts'

export interface SessionDeps extends LinkDeps {
  db: Db
  clock: Clock
}

export interface BookingInput {
  name: string
  channel: 'email' | 'text'
  email: string
  phone: string
  adjustments: string
  /** What they asked for: a place, or (the session being full) the waiting list. */
  want: 'place' | 'waiting'
}

export const PAGE_SIZE = 20

/** A booking as the audit trail keeps it. */
export const auditStateOf = (b: BookingRow) => ({
  sessionId: b.sessionId,
  name: b.name,
  channel: b.channel,
  email: b.email,
  phone: b.phone,
  adjustments: b.adjustments,
  status: b.status,
  attended: b.attended,
})

/**
 * Moves people up from the waiting list while there are places (in the caller's transaction,
 * with the session locked), telling each. Nobody moves up once the session has started.
 */
export async function moveUpWaiting(tx: Tx, deps: SessionDeps, placed: Placed, by: AuditActor): Promise<number> {
  const { session } = placed
  if (session.cancelledAt || deps.clock.now() >= session.startsAt) return 0
  let moved = 0
  while ((await placesTaken(tx, session.id)) < session.capacity) {
    const next = await firstWaiting(tx, session.id)
    if (!next) break
    const after = await updateBooking(tx, next.id, { status: 'booked', bookedAt: deps.clock.now() })
    await recordChange(tx, deps.clock, {
      by,
      action: 'session-booking.moved-up',
      record: { kind: 'session-booking', id: next.id },
      before: auditStateOf(next),
      after: auditStateOf(after),
    })
    await tellBooking(tx, deps.clock, deps, placed, after, 'session-moved-up')
    moved++
  }
  return moved
}

export function createBookingService(deps: SessionDeps) {
  const { db, clock } = deps

  /** A commissioning council by its public code, with how to reach it (the provider's phone or email where it has none). */
  async function reachableCouncil(code: string) {
    const council = await councilByCode(db, code)
    return council && reachableAt(council, await providerContact(db))
  }

  /** The council (by its public code) and one of its sessions as the public sees it, or undefined. */
  async function publicSession(code: string, id: string) {
    const council = await reachableCouncil(code)
    if (!council) return undefined
    const found = await sessionById(db, id, [council.id])
    if (!found) return undefined
    const state: BookingState = bookingState(found.session, found.booked, clock.now())
    return { ...found, council, state, placesLeft: Math.max(0, found.session.capacity - found.booked) }
  }

  return {
    councilByCode: reachableCouncil,

    /** A council's sessions yet to start, not cancelled, in date order, a page at a time. */
    async upcoming(councilId: string, after?: Cursor) {
      const rows = await sessionList(db, {
        councils: [councilId],
        from: clock.now(),
        after,
        limit: PAGE_SIZE,
        liveOnly: true,
      })
      const page = rows.slice(0, PAGE_SIZE)
      const last = page.at(-1)
      return {
        sessions: page.map((r) => ({ ...r, state: bookingState(r.session, r.booked, clock.now()) })),
        next: rows.length > PAGE_SIZE && last ? { startsAt: last.session.startsAt, id: last.session.id } : undefined,
      }
    },

    publicSession,

    /** Books a place, or a place on the waiting list; the person is told by the channel they chose. */
    async book(
      code: string,
      sessionId: string,
      input: BookingInput,
      submissionKey: string,
      ip: string | null,
    ): Promise<Result<{ bookingId: string; status: string }>> {
      const council = await councilByCode(db, code)
      if (!council) return refuse('There is no such session.', undefined, 'not-found')
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const session = await lockSession(tx, sessionId)
          if (!session || session.localAuthorityId !== council.id)
            throw new RefusalError('No such session', undefined, 'not-found')
          // Read after the lock: a first submit that held it has committed its booking by now.
          const first = await bookingBySubmissionKey(tx, submissionKey)
          if (first) return { ok: true as const, bookingId: first.id, status: first.status }
          const state = bookingState(session, await placesTaken(tx, sessionId), clock.now())
          if (state === 'closed' || state === 'cancelled')
            throw new RefusalError('Booking has closed for this session.', 'submissionKey')
          if (state === 'full' && input.want === 'place')
            throw new RefusalError(
              'This session is now full. Someone took the last place. You can join the waiting list instead.',
              'submissionKey',
            )
          const contactKey = contactKeyOf(input.channel, input.email, input.phone)
          if (await liveBookingOf(tx, sessionId, contactKey))
            throw new RefusalError(
              'You have already booked this session. Use the link in the message we sent you to see or cancel your booking.',
              'submissionKey',
            )
          const id = randomUUID()
          const now = clock.now()
          const booking = await insertBooking(tx, {
            id,
            sessionId,
            name: input.name,
            channel: input.channel,
            email: input.channel === 'email' ? input.email : null,
            phone: input.channel === 'text' ? input.phone : null,
            contactKey,
            adjustments: input.adjustments,
            status: state === 'open' ? 'booked' : 'waiting',
            requestedAt: now,
            bookedAt: state === 'open' ? now : null,
            tokenHash: tokenHashOf(bookingToken(deps, id)),
            submissionKey,
          })
          if (!booking) throw new RefusalError('You have already booked this session.', 'submissionKey')
          await recordChange(tx, clock, {
            by: { userId: null, ip },
            action: 'session-booking.created',
            record: { kind: 'session-booking', id },
            before: null,
            after: auditStateOf(booking),
          })
          const venue = (await sessionById(tx, sessionId))?.venue ?? null
          const placed = { session, council, venue }
          await tellBooking(
            tx,
            clock,
            deps,
            placed,
            booking,
            booking.status === 'booked' ? 'session-booked' : 'session-waiting',
          )
          return { ok: true as const, bookingId: id, status: booking.status }
        }),
      )
    },

    /** The booking the link's token is for, with its session; undefined when there is none. */
    async bookingByToken(code: string, token: string) {
      const booking = await bookingByTokenHash(db, tokenHashOf(token))
      if (!booking) return undefined
      const found = await publicSession(code, booking.sessionId)
      return found ? { booking, ...found } : undefined
    },

    /** Cancels through the link: the place goes to the first on the waiting list, who is told. */
    async cancelByToken(code: string, token: string, ip: string | null): Promise<Result> {
      const found = await bookingByTokenHash(db, tokenHashOf(token))
      const council = await councilByCode(db, code)
      if (!found || !council) return refuse('There is no such booking.', undefined, 'not-found')
      return db.transaction(async (tx) => {
        const session = await lockSession(tx, found.sessionId)
        if (!session || session.localAuthorityId !== council.id)
          return refuse('No such booking.', undefined, 'not-found')
        const booking = (await bookingByTokenHash(tx, tokenHashOf(token)))!
        if (booking.status === 'cancelled') return { ok: true }
        const after = await updateBooking(tx, booking.id, { status: 'cancelled', cancelledAt: clock.now() })
        const by = { userId: null, ip }
        await recordChange(tx, clock, {
          by,
          action: 'session-booking.cancelled',
          record: { kind: 'session-booking', id: booking.id },
          before: auditStateOf(booking),
          after: auditStateOf(after),
        })
        const venue = (await sessionById(tx, session.id))?.venue ?? null
        const placed = { session, council, venue }
        await tellBooking(tx, clock, deps, placed, after, 'session-booking-cancelled', {
          calendar: booking.status === 'booked',
        })
        if (booking.status === 'booked') await moveUpWaiting(tx, deps, placed, by)
        return { ok: true }
      })
    },
  }
}
export type BookingService = ReturnType<typeof createBookingService>
