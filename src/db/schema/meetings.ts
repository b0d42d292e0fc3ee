import { boolean, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { caseParties, cases } from './cases.ts'
import { mediators } from './mediators.ts'
import { users } from './users.ts'

/** A neutral place to meet (or an online meeting room), and what it offers. */
export const venues = pgTable('venues', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // in-person | online
  address: text('address'),
  postcode: text('postcode'),
  // For an online meeting: the link parties use (a meeting may give its own).
  onlineLink: text('online_link'),
  stepFree: boolean('step_free').notNull().default(false),
  hearingLoop: boolean('hearing_loop').notNull().default(false),
  parking: boolean('parking').notNull().default(false),
  quietRoom: boolean('quiet_room').notNull().default(false),
  accessibilityNotes: text('accessibility_notes'),
  // Cost of a booking in whole pence (0 for free).
  costPence: integer('cost_pence').notNull().default(0),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

/** A room at a venue: the main room or a breakout room for private sessions. */
export const venueRooms = pgTable('venue_rooms', {
  id: uuid('id').primaryKey().defaultRandom(),
  venueId: uuid('venue_id')
    .notNull()
    .references(() => venues.id),
  name: text('name').notNull(),
  capacity: integer('capacity').notNull(),
  isBreakout: boolean('is_breakout').notNull().default(false),
  active: boolean('active').notNull().default(true),
})

/** When a party can come to the meeting over the coming weeks (given by staff or the party). */
export const partyAvailability = pgTable(
  'party_availability',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    day: date('day').notNull(),
    // all-day | morning | afternoon | unavailable
    availability: text('availability').notNull(),
    source: text('source').notNull(), // staff | portal
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('party_availability_party_day').on(t.partyId, t.day),
    index('party_availability_case').on(t.caseId),
  ],
)

/**
 * The meeting as booked. Moving it keeps the row (and the calendar UID) and raises the sequence;
 * cancelling sets cancelled_at. One live meeting per case.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    mediatorId: uuid('mediator_id').references(() => mediators.id),
    venueId: uuid('venue_id').references(() => venues.id),
    roomId: uuid('room_id').references(() => venueRooms.id),
    breakoutRoomId: uuid('breakout_room_id').references(() => venueRooms.id),
    onlineLink: text('online_link'),
    day: date('day').notNull(),
    startTime: text('start_time').notNull(), // HH:MM, Europe/London
    endTime: text('end_time').notNull(),
    // The iCalendar identity: the same UID for every update, a higher sequence each time.
    icsUid: text('ics_uid').notNull().unique(),
    icsSequence: integer('ics_sequence').notNull().default(0),
    noticeSentOn: date('notice_sent_on').notNull(),
    // Less than 5 working days' notice needs the parent's or young person's recorded agreement.
    shorterNoticeAgreedBy: text('shorter_notice_agreed_by'),
    shorterNoticeAgreedOn: date('shorter_notice_agreed_on'),
    // Reasonable adjustments for the meeting, for the mediator and the venue.
    adjustments: text('adjustments'),
    bookedBy: uuid('booked_by').references(() => users.id),
    bookedAt: timestamp('booked_at', { withTimezone: true }).notNull(),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelReason: text('cancel_reason'),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('meetings_one_live_per_case')
      .on(t.caseId)
      .where(sql`cancelled_at is null`),
    index('meetings_day').on(t.day),
    index('meetings_case').on(t.caseId),
  ],
)

/** A party's answer to the invitation: coming or not (from the portal or recorded by staff). */
export const meetingResponses = pgTable(
  'meeting_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    attending: boolean('attending').notNull(),
    note: text('note'),
    // The invitation's sequence they answered (a moved meeting asks again).
    icsSequence: integer('ics_sequence').notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('meeting_responses_party').on(t.meetingId, t.partyId)],
)
