import { sql } from 'drizzle-orm'
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { venues } from './meetings.ts'
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

/**
 * An information session or event a council's service runs for parents, young people or
 * professionals: in person at a venue, or online (the link goes only to those booked). Moving it
 * keeps the calendar UID and raises the sequence; cancelling sets cancelled_at.
 */
export const infoSessions = pgTable(
  'info_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    title: text('title').notNull(),
    description: text('description').notNull(),
    audience: text('audience').notNull(), // parents | young-people | professionals
    day: date('day').notNull(),
    startTime: text('start_time').notNull(), // HH:MM, Europe/London
    endTime: text('end_time').notNull(),
    // The start as an instant, for "upcoming" and reminders.
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    mode: text('mode').notNull(), // in-person | online
    venueId: uuid('venue_id').references(() => venues.id),
    onlineLink: text('online_link'),
    capacity: integer('capacity').notNull(),
    bookingClosesAt: timestamp('booking_closes_at', { withTimezone: true }).notNull(),
    icsUid: text('ics_uid').notNull().unique(),
    icsSequence: integer('ics_sequence').notNull().default(0),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // A council's sessions in date order (the public list, the staff list, keyset paged).
    index('info_sessions_council_start').on(t.localAuthorityId, t.startsAt, t.id),
    // Every council's, in date order (an administrator's list) and those due a reminder.
    index('info_sessions_start').on(t.startsAt, t.id),
    index('info_sessions_venue').on(t.venueId),
    check('info_sessions_capacity', sql`${t.capacity} > 0`),
    check(
      'info_sessions_place',
      sql`(${t.mode} = 'in-person' and ${t.venueId} is not null) or (${t.mode} = 'online' and ${t.onlineLink} is not null)`,
    ),
  ],
)

/**
 * A place on a session, or a place on its waiting list, booked by a member of the public without an
 * account. They are told by the channel they chose; the link in the message (its token, kept only
 * as a hash) lets them cancel. One live booking per person (their email or phone) per session.
 */
export const infoSessionBookings = pgTable(
  'info_session_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    sessionId: uuid('session_id')
      .notNull()
      .references(() => infoSessions.id),
    name: text('name').notNull(),
    channel: text('channel').notNull(), // email | text
    email: text('email'),
    phone: text('phone'),
    // The email in lower case or the phone's digits: who booked, for the one-live-booking rule.
    contactKey: text('contact_key').notNull(),
    adjustments: text('adjustments').notNull().default(''),
    status: text('status').notNull(), // booked | waiting | cancelled
    // The order of the waiting list (and of bookings): when they asked.
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    // Recorded by staff after the session: null until then.
    attended: boolean('attended'),
    // SHA-256 of the token in the person's cancel link.
    tokenHash: text('token_hash').notNull().unique(),
    // The booking form's one-time key: a double submit finds the first booking.
    submissionKey: uuid('submission_key').notNull().unique(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('info_session_bookings_one_live')
      .on(t.sessionId, t.contactKey)
      .where(sql`status <> 'cancelled'`),
    index('info_session_bookings_session').on(t.sessionId, t.status, t.requestedAt, t.id),
  ],
)
