// Staff accounts: adding one, changing its roles, disabling it and resetting its password.
// A one-time password is returned to show once; only its hash is kept.
import { and, asc, eq, sql } from 'drizzle-orm'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { sessions, users, type Role } from '../../../db/schema/index.ts'
import { hashPassword, oneTimePassword } from '../../auth/index.ts'

export type StaffAccount = typeof users.$inferSelect

/** The columns an administrator sees: never the password hash. */
const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
}
export type AccountSummary = Omit<StaffAccount, 'passwordHash'>

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function createAccountService(db: Db, clock: Clock) {
  return {
    async list(): Promise<AccountSummary[]> {
      return db.select(accountColumns).from(users).orderBy(asc(users.name), asc(users.email))
    },

    async find(id: string): Promise<AccountSummary | undefined> {
      if (!uuidPattern.test(id)) return undefined
      const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id))
      return row
    },

    /** A new account with a one-time password, or `emailTaken` (emails are unique, stored lower-cased). */
    async create(input: {
      name: string
      email: string
      roles: Role[]
    }): Promise<{ ok: true; id: string; password: string } | { ok: false; emailTaken: true }> {
      const email = input.email.trim().toLowerCase()
      const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
      if (taken) return { ok: false, emailTaken: true }
      const password = oneTimePassword()
      const [row] = await db
        .insert(users)
        .values({
          name: input.name,
          email,
          roles: input.roles,
          passwordHash: await hashPassword(password),
          mustChangePassword: true,
          createdAt: clock.now(),
        })
        .onConflictDoNothing({ target: users.email }) // the same email added at the same moment by another request
        .returning({ id: users.id })
      return row ? { ok: true, id: row.id, password } : { ok: false, emailTaken: true }
    },

    /**
     * New roles, if the account still has the roles the administrator saw (no version column on
     * users, so the roles themselves are compared): otherwise `stale`.
     */
    async setRoles(id: string, shown: Role[], chosen: Role[]): Promise<'changed' | 'stale'> {
      return db.transaction(async (tx) => {
        const [row] = await tx.select({ roles: users.roles }).from(users).where(eq(users.id, id)).for('update')
        if (!row || !sameRoles(row.roles, shown)) return 'stale'
        await tx.update(users).set({ roles: chosen }).where(eq(users.id, id))
        return 'changed'
      })
    },

    /** Disables the account and ends every session it has, in one transaction. */
    async disable(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        await tx
          .update(users)
          .set({ disabledAt: clock.now() })
          .where(and(eq(users.id, id), sql`${users.disabledAt} is null`))
        await tx.delete(sessions).where(sql`${sessions.data}->>'userId' = ${id}`)
      })
    },

    async enable(id: string): Promise<void> {
      await db.update(users).set({ disabledAt: null }).where(eq(users.id, id))
    },

    /** A new one-time password; the person must choose their own at next sign-in, and is signed out now. */
    async resetPassword(id: string): Promise<string> {
      const password = oneTimePassword()
      const passwordHash = await hashPassword(password)
      await db.transaction(async (tx) => {
        await tx.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id))
        await tx.delete(sessions).where(sql`${sessions.data}->>'userId' = ${id}`)
      })
      return password
    },
  }
}

export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  const sa = [...new Set(a)].sort().join(','),
    sb = [...new Set(b)].sort().join(',')
  return sa === sb
}
