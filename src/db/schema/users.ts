import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
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
