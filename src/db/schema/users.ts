import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'
import { roles, type Role } from '../../domain/staff.ts'
import { localAuthorities } from './organisations.ts'

export { roles, type Role }

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  email: text('email').notNull().unique(), // stored lower-cased
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: text('roles').array().$type<Role[]>().notNull(),
  mustChangePassword: boolean('must_change_password').notNull().default(false),
  disabledAt: timestamp('disabled_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})

/**
 * The councils a member of staff works for: a coordinator, manager or commissioner sees only
 * these councils' cases and figures. Administrators see every council; mediators see the cases
 * they are given, whatever the council.
 */
export const userCouncils = pgTable(
  'user_councils',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.localAuthorityId] }),
    index('user_councils_council').on(t.localAuthorityId),
  ],
)

/**
 * A member of staff's authenticator app (TOTP, RFC 6238), one per account. The shared secret is
 * kept encrypted (features/auth/totp.ts) and shown only while it is being set up (confirmedAt
 * null); once confirmed it is never shown again. lastUsedStep is the time step of the last code
 * accepted: a code of that step or an earlier one is refused, so a code works once.
 */
export const staffSecondFactors = pgTable('staff_second_factors', {
  id: uuid('id').primaryKey().defaultRandom(),
  userId: uuid('user_id')
    .notNull()
    .unique()
    .references(() => users.id),
  secret: text('secret').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  lastUsedStep: integer('last_used_step'),
})

/** Single-use recovery codes for a second factor: a keyed hash of each, never the code. */
export const staffRecoveryCodes = pgTable(
  'staff_recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    factorId: uuid('factor_id')
      .notNull()
      .references(() => staffSecondFactors.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [unique('staff_recovery_codes_code').on(t.factorId, t.codeHash)],
)

/** A session as the store keeps it (src/web/session.ts): its cookie's settings and what pages put in it. */
export interface StoredSession {
  cookie: { originalMaxAge: number | null; [key: string]: unknown }
  [key: string]: unknown
}

export const sessions = pgTable('sessions', {
  sid: text('sid').primaryKey(),
  data: jsonb('data').$type<StoredSession>().notNull(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
})
