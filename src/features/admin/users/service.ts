// Staff accounts: adding one, changing its roles and the councils it works for, disabling it,
// resetting its password or its authenticator app, each change in the audit trail (in the change's
// own transaction). A one-time password is returned to show once; only its hash is kept. An
// administrator cannot lock themself out: no disabling their own account, no removing their own
// administrator role, so there is always an administrator. A coordinator, manager or commissioner
// works for at least one council (they see only those councils' cases or figures); administrators
// see every council, mediators the cases they are given, so neither needs one. A commissioner is a
// council's own staff: no other role.
import type { Clock } from '../../../clock.ts'
import type { Db, Tx } from '../../../db/client.ts'
import { oncePerKey } from '../../../db/once-per-key.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import type { Role } from '../../../domain/staff.ts'
import { recordChange, type AuditActor } from '../../audit/index.ts'
import {
  accountLockedUntil,
  hashPassword,
  oneTimePassword,
  removeSecondFactor,
  secondFactorSummary,
  unlockAccount,
} from '../../auth/index.ts'
import { needsCouncils } from '../roles.ts'
import {
  accountById,
  commissioningAmong,
  commissioningCouncils,
  councilsOfAccount,
  emailInUse,
  endSessionsOf,
  insertAccount,
  listAccounts,
  lockAccount,
  markDisabled,
  markEnabled,
  setCouncilsOfAccount,
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

/** The councils to keep for these roles: those chosen, checked; none for roles that need none. */
async function councilsFor(tx: Tx, roles: readonly Role[], chosen: readonly string[]): Promise<string[]> {
  if (roles.includes('commissioner') && roles.length > 1) {
    throw new RefusalError(
      'A commissioner is a council’s own staff, who sees only figures: they cannot have another role. Untick commissioner or the other roles',
      'roles',
    )
  }
  if (!needsCouncils(roles)) return []
  const ids = [...new Set(chosen)]
  if (!ids.length) {
    throw new RefusalError(
      'Select the councils they work for: a coordinator, manager or commissioner needs at least one',
      'councils',
    )
  }
  if ((await commissioningAmong(tx, ids)).length !== ids.length) {
    throw new RefusalError('Select councils from the list', 'councils')
  }
  return ids
}

/** An account as the audit trail keeps it (never its password). */
const accountState = (
  a: { email: string; name: string; roles: readonly Role[]; disabledAt?: Date | null },
  councils: readonly string[],
) => ({
  email: a.email,
  name: a.name,
  roles: [...a.roles].sort(),
  councils: [...councils].sort(),
  disabled: !!a.disabledAt,
})

export function createAccountService(db: Db, clock: Clock) {
  async function audited(
    tx: Tx,
    by: AuditActor,
    action: string,
    id: string,
    before: object | null,
    after: object | null,
  ) {
    await recordChange(tx, clock, {
      by,
      action,
      record: { kind: 'staff-account', id },
      before: before as Record<string, unknown> | null,
      after: after as Record<string, unknown> | null,
    })
  }

  /** The account as it is now, for the audit trail. */
  async function stateOf(tx: Tx, id: string) {
    const account = await accountById(tx, id)
    if (!account) return null
    return accountState(
      account,
      (await councilsOfAccount(tx, id)).map((c) => c.id),
    )
  }

  return {
    list: () => listAccounts(db),

    find: (id: string) => accountById(db, id),

    /** The councils staff can work for, by name. */
    councils: () => commissioningCouncils(db),

    /** The councils this account works for, by name. */
    councilsOf: (id: string) => councilsOfAccount(db, id),

    /** When the account's authenticator app was set up and its recovery codes left (never its secret). */
    secondFactorOf: (id: string) => secondFactorSummary(db, id),
    /** Until when the account cannot sign in after too many failed attempts, if it cannot now. */
    lockedUntil: (account: { email: string }) => accountLockedUntil(db, account.email, clock.now()),

    /**
     * A new account (emails are unique, stored lower-cased), once per submission key. The
     * one-time password comes back only to the call that made the account: a repeat of the
     * form finds the account, and the password is never kept where it could be read again.
     */
    async create(
      input: { name: string; email: string; roles: Role[]; councils: string[]; submissionKey: string },
      by: AuditActor,
    ): Promise<Result<{ id: string; password?: string }>> {
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
          const councils = await councilsFor(tx, input.roles, input.councils)
          const row = { name: input.name, email, roles: input.roles, passwordHash, createdAt: clock.now() }
          const id = await insertAccount(tx, row)
          if (!id) throw taken() // the same email added at the same moment by another request
          await setCouncilsOfAccount(tx, id, councils)
          await audited(tx, by, 'staff.created', id, null, accountState(row, councils))
          made = true
          return { id }
        })
        return { ok: true, id, ...(made ? { password } : {}) }
      })
    },

    /**
     * New roles and councils, if the account still has the roles and councils the administrator
     * saw (no version column on users, so they are compared).
     */
    async setAccess(
      id: string,
      change: { shownRoles: Role[]; shownCouncils: string[]; roles: Role[]; councils: string[] },
      by: AuditActor,
      currentSid?: string,
    ): Promise<Result<{ name: string }>> {
      if (id === by.userId && !change.roles.includes('administrator')) {
        return refuse(
          'You cannot remove your own administrator role, so that the service always has an administrator. Ask another administrator to do it',
          'roles',
        )
      }
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const found = await lockAccount(tx, id)
          if (!found) return noSuchAccount()
          const councilsNow = (await councilsOfAccount(tx, id)).map((c) => c.id)
          if (!sameRoles(found.roles, change.shownRoles) || !sameRoles(councilsNow, change.shownCouncils)) {
            return refuse(
              'Someone else changed this account’s roles or councils while you were looking at it. Check the roles and councils below and save again',
              'roles',
            )
          }
          const before = await stateOf(tx, id)
          const councils = await councilsFor(tx, change.roles, change.councils)
          await updateRoles(tx, id, change.roles)
          await setCouncilsOfAccount(tx, id, councils)
          // New roles: the person signs in again everywhere (an administrator changing their own keeps this session).
          if (!sameRoles(found.roles, change.roles))
            await endSessionsOf(tx, id, id === by.userId ? currentSid : undefined)
          await audited(tx, by, 'staff.access-changed', id, before, await stateOf(tx, id))
          return { ok: true as const, name: found.name }
        }),
      )
    },

    /** Disables the account and ends every session it has, in one transaction. */
    async disable(id: string, by: AuditActor): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      if (id === by.userId) {
        return refuse(
          'You cannot disable your own account, so that you cannot lock yourself out. Ask another administrator to do it',
          'disable',
        )
      }
      await db.transaction(async (tx) => {
        const before = await stateOf(tx, id)
        await markDisabled(tx, id, clock.now())
        await endSessionsOf(tx, id)
        await audited(tx, by, 'staff.disabled', id, before, await stateOf(tx, id))
      })
      return { ok: true, name: found.name }
    },

    /** An account locked by failed sign-ins may sign in again at once (its owner asked, say). */
    async unlock(id: string, by: AuditActor): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      const until = await accountLockedUntil(db, found.email, clock.now())
      if (!until) return refuse(`${found.name}’s account is not locked: they can sign in now`, 'unlock')
      await db.transaction(async (tx) => {
        await unlockAccount(tx, found.email)
        await audited(tx, by, 'staff.unlocked', id, { lockedUntil: until.toISOString() }, { lockedUntil: null })
      })
      return { ok: true, name: found.name }
    },

    async enable(id: string, by: AuditActor): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      await db.transaction(async (tx) => {
        const before = await stateOf(tx, id)
        await markEnabled(tx, id)
        await audited(tx, by, 'staff.enabled', id, before, await stateOf(tx, id))
      })
      return { ok: true, name: found.name }
    },

    /** A new one-time password; the person must choose their own at next sign-in, and is signed out now. */
    async resetPassword(id: string, by: AuditActor): Promise<Result<{ password: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      if (id === by.userId) {
        return refuse('You cannot reset your own password here. Use ‘Change your password’ instead', 'reset-password')
      }
      const { password, passwordHash } = await newOneTimePassword()
      await db.transaction(async (tx) => {
        await setOneTimePassword(tx, id, passwordHash)
        await endSessionsOf(tx, id)
        const state = await stateOf(tx, id)
        await audited(tx, by, 'staff.password-reset', id, state, state)
      })
      return { ok: true, password }
    },

    /**
     * Removes the account's authenticator app and recovery codes, and signs the person out: they
     * set up a new app at their next sign-in (after their password). Not one's own, as with passwords.
     */
    async resetSecondFactor(id: string, by: AuditActor): Promise<Result<{ name: string }>> {
      const found = await accountById(db, id)
      if (!found) return noSuchAccount()
      if (id === by.userId) {
        return refuse(
          'You cannot reset your own authenticator app. Ask another administrator to do it',
          'reset-second-factor',
        )
      }
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const { hadOne } = await removeSecondFactor(tx, id)
          if (!hadOne) {
            throw new RefusalError(
              `${found.name} has no authenticator app set up yet: they set one up when they next sign in`,
              'reset-second-factor',
            )
          }
          await endSessionsOf(tx, id)
          const state = await stateOf(tx, id)
          await audited(
            tx,
            by,
            'staff.second-factor-reset',
            id,
            { ...state, secondFactor: true },
            { ...state, secondFactor: false },
          )
          return { ok: true as const, name: found.name }
        }),
      )
    },
  }
}

export function sameRoles(a: readonly string[], b: readonly string[]): boolean {
  const sa = [...new Set(a)].sort().join(','),
    sb = [...new Set(b)].sort().join(',')
  return sa === sb
}
