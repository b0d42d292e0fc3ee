import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Forms that add something carry a one-time key: the first submission stores where it led, and a
 * doubled or retried one goes there too instead of adding a second row.
 */
export const formSubmissions = pgTable('form_submissions', {
  key: text('key').primaryKey(),
  outcome: text('outcome').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})
