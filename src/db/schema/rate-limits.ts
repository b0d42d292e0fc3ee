import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Requests counted against a limit (sign-in, public forms, the API), kept in the database so that
 * every instance counts them together. A row is one key's current window.
 */
export const rateLimits = pgTable(
  'rate_limits',
  {
    key: text('key').primaryKey(),
    hits: integer('hits').notNull(),
    windowEndsAt: timestamp('window_ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('rate_limits_window_ends').on(t.windowEndsAt)],
)
