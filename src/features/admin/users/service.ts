// Staff accounts: adding one, changing its roles, disabling it and resetting its password.
// A one-time password is returned to show once; only its hash is kept. An administrator cannot
// lock themself out: no disabling their own account, no removing their own administrator role,
// so there is always an administrator.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { oncePerKey } from '../../../db/once-per-key.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import type { Role } from '../../../domain/staff.ts'
import { hashPassword, oneTimePassword } from '../../auth/index.ts'
import {
  accountById,
  emailInUse,
  endSessionsOf,
  insertAccount,
  listAccounts,
  lockAccount,
  markDisabled,
  markEnabled,
  setOneTimePassword,
  updateRoles,
  type AccountSummary,
} from './repository.ts'

export type { AccountSummary }

const noSuchAccount = () => refuse('There is no such account.', undefined, 'not-found')

/** A password and its hash, made before any transaction: hashing is slow on purpose. */
async function newOneTimePassword() {
  const password = oneTimePassword()
  return { password, passwordHash: await hashPassword(password) }
}

export function createAccountService(db: Db, clock: Clock) {
  return {
    list: () => listAccounts(db),

    find: (id: string) => accountById(db, id),

    /**
     * A new account (emails are unique, stored lower-cased), once per submission key. The
     * one-time password comes back only to the call that made the account: a repeat of the
     * form finds the account, and the password is never kept where it could be read again.
     */
    async create(input: {
      name: string
      email: string
      roles: Role[]
      submissionKey: string
    }): Promise<Result<{ id: string; password?: string }>> {
      const email = input.email.trim().toLowerCase()
      const { password, passwordHash } = await newOneTimePassword()
      const taken = () =>
        new RefusalError(
          'There is already a staff account with this email address. Enter a different email address',
          'email',
        )
      let made = false
      return refusalsAsResults(async () => {
        const { id } = await oncePerKey(db, clock, input.submissionKey, async (tx) => {
          if (await emailInUse(tx, email)) throw taken()
          const row = { name: input.name, email, roles: input.roles, passwordHash, createdAt: clock.now() }
          const id = await insertAccount(tx, row)
          if (!id) throw taken() // the same email added at the same moment by another request
          made = true
          return { id }
        })
        return { ok: true, id, ...(made ? { password } : {}) }
      })
    },

    /**
     * New roles, if the account still has the roles the administrator saw (no version column on
     * users, so the roles themselves are compared).
     */
    async setRoles(
      id: string,
      change: { shown: Role[]; chosen: Role[] },
      actorId: string,
    ): Promise<Result<{ name: string }>> {
      if (id === actorId && !change.chosen.includes('administrator')) {
        return refuse(
          'You cannot remove your own administrator role, so that the service always has an administrator. Ask another administrator to do it',
          'roles',
        )
      }
      return db.transaction(async (tx) => {
        const found = await lockAccount(tx, id)
        if (!found) return noSuchAccount()
        if (!sameRoles(found.roles, change.shown)) {
          return refuse(
            'Someone else changed this account’s roles while you were looking at it. Check the roles below and save again',
            'roles',
          )
        }
        await updateRoles(tx, id, change.chosen)
        return { ok: true, name: found.name }
      })
    },

    /** Disables the account and ends every session it has, in one transaction. */
    async disable(id: string, actorId: string): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      if (id === actorId) {
        return refuse(
          'You cannot disable your own account, so that you cannot lock yourself out. Ask another administrator to do it',
          'disable',
        )
      }
      await db.transaction(async (tx) => {
        await markDisabled(tx, id, clock.now())
        await endSessionsOf(tx, id)
      })
      return { ok: true, name: found.name }
    },

    async enable(id: string): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      await markEnabled(db, id)
      return { ok: true, name: found.name }
    },

    /** A new one-time password; the person must choose their own at next sign-in, and is signed out now. */
    async resetPassword(id: string, actorId: string): Promise<Result<{ password: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      if (id === actorId) {
        return refuse('You cannot reset your own password here. Use ‘Change your password’ instead', 'reset-password')
      }
      const { password, passwordHash } = await newOneTimePassword()
      await db.transaction(async (tx) => {
        await setOneTimePassword(tx, id, passwordHash)
        await endSessionsOf(tx, id)
      })
      return { ok: true, password }
    },
  }
}

export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const sa = [...new Set(a)].sort().join(','),
    sb = [...new Set(b)].sort().join(',')
  return sa === sb
}
