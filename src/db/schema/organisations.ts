import { boolean, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** A council that commissions the service: who it is free for, when it is open, how to reach it. */
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
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/** Where staff send people whose need is outside the service. */
export const agencies = pgTable('agencies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  helpsWith: text('helps_with').notNull(),
  contact: text('contact').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
})
