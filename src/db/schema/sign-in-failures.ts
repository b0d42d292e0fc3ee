import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/**
 * Failed staff sign-ins, counted per account (the email typed, known or not) and per address, in
 * the database so that every instance counts them together (features/auth/throttle-service.ts). The
 * key is the kind and a hash of the email or address, never the email or address itself. A row is
 * forgotten after a quiet spell, or, for an account, when it signs in.
 */
export const signInFailures = pgTable(
  'sign_in_failures',
  {
    key: text('key').primaryKey(),
    failures: integer('failures').notNull(),
    /** No attempt is checked before this (a wait after many failures, or the account locked). */
    blockedUntil: timestamp('blocked_until', { withTimezone: true }),
    /** With no new failure by then, counting starts again (and the tidy task deletes the row). */
    forgetAt: timestamp('forget_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sign_in_failures_forget').on(t.forgetAt)],
)
