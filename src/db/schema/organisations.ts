import { boolean, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A council: one that commissions the service (a contract of the provider's) or one we only know
 * of. Each commissioning council has its own settings: who it is free for, when it is open, how to
 * reach it, how often people hear from us, its letters and its complaint deadlines.
 */
export const localAuthorities = pgTable('local_authorities', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  commissioned: boolean('commissioned').notNull().default(false),
  freeForResidents: boolean('free_for_residents').notNull().default(false),
  // Postcode districts (for example WA1) that mostly lie in this council's area.
  postcodeDistricts: text('postcode_districts').array().notNull().default([]),
  serviceName: text('service_name').notNull(),
  phone: text('phone').notNull(),
  email: text('email'),
  address: text('address').notNull(),
  openingHours: text('opening_hours').notNull(),
  updateCadenceWorkingDays: integer('update_cadence_working_days').notNull().default(10),
  // Letters and certificates for this council's contract: the heading above and the sign-off below.
  letterHeading: text('letter_heading'),
  letterSignature: text('letter_signature'),
  // Each stage of a complaint: acknowledged within, and answered within, so many working days.
  complaintAcknowledgeWorkingDays: integer('complaint_acknowledge_working_days').notNull().default(3),
  complaintResponseWorkingDays: integer('complaint_response_working_days').notNull().default(20),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
})

/** The agencies a council's staff signpost people to, in the council's own order. */
export const councilAgencies = pgTable(
  'council_agencies',
  {
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    agencyId: uuid('agency_id')
      .notNull()
      .references(() => agencies.id),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.localAuthorityId, t.agencyId] })],
)

/** Where staff send people whose need is outside the service. */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  helpsWith: text('helps_with').notNull(),
  contact: text('contact').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})
