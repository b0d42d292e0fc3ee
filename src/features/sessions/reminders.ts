// Session reminders: everyone with a place is reminded the day before (sessions starting in the
// next 24 to 48 hours, looked for every hour), once per booking and version of the session (a moved
// session is reminded again). Safe to run as often as wanted: the outbox's key makes each one once.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { LinkDeps } from './notices.ts'
import { tellBooking } from './notices.ts'
import { bookingsOf, sessionById, sessionsStartingBetween } from './repository.ts'

const HOUR = 3600_000
/** Reminded when the session starts between these many hours from now. */
export const REMIND_FROM_HOURS = 0
export const REMIND_TO_HOURS = 48

export async function queueSessionReminders({ db, clock, links }: { db: Db; clock: Clock; links: LinkDeps }) {
  const now = clock.now().getTime()
  const due = await sessionsStartingBetween(
    db,
    new Date(now + REMIND_FROM_HOURS * HOUR),
    new Date(now + REMIND_TO_HOURS * HOUR),
  )
  let queued = 0
  for (const { id } of due) {
    queued += await db.transaction(async (tx) => {
      const placed = await sessionById(tx, id)
      if (!placed || placed.session.cancelledAt) return 0
      let n = 0
      for (const booking of await bookingsOf(tx, id, ['booked'])) {
        // Booked in the last day before it: their confirmation is reminder enough.
        const bookedAt = booking.bookedAt?.getTime() ?? 0
        if (placed.session.startsAt.getTime() - bookedAt < 24 * HOUR) continue
        const row = await tellBooking(tx, clock, links, placed, booking, 'session-reminder', {
          dedupeKey: `session-reminder:${booking.id}:${placed.session.icsSequence}`,
        })
        if (row) n++
      }
      return n
    })
  }
  return queued
}
