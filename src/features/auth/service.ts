// Signing staff in (each failure counted against the account and the address: throttle.ts), and
// each person choosing their own password.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { homePathFor } from '../../domain/staff.ts'
import { formatDateTime, formatTime } from '../../web/format.ts'
import { recordChange, recordSignIn } from '../audit/index.ts'
import { queueMessage, serviceValues } from '../messages/index.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { passwordHashOf, setOwnPassword, userByEmail, userById } from './repository.ts'
import { deleteSessionsOf } from './sessions-repository.ts'
import { authTemplates } from './templates.ts'
import { createSignInThrottle } from './throttle.ts'

// Verifying against this when the email is unknown takes as long as a real check.
const decoyHash = hashPassword('not a real password')

/** The same words whoever's attempts they were, and whether or not the account exists. */
const tooMany = (until: Date) =>
  refuse(`There have been too many attempts to sign in. Try again at ${formatTime(until)}.`, 'email')

export interface SignInFrom {
  ip: string
}

export function createSignInService(db: Db, clock: Clock) {
  const throttle = createSignInThrottle(db, clock)

  /** When a failure locks a known account: in the audit trail, and emailed to its owner. */
  async function lockedOut(
    user: { id: string; name: string; email: string; disabledAt?: Date | null },
    failed: { until?: Date; locked: boolean; failures: number },
    ip: string | null,
  ) {
    if (!failed.locked || user.disabledAt) return
    await db.transaction(async (tx) => {
      await recordChange(tx, clock, {
        by: { userId: null, ip },
        action: 'staff.locked-out',
        record: { kind: 'staff-account', id: user.id },
        before: null,
        after: { failures: failed.failures, until: failed.until! },
      })
      // Told by email, as staff are: whoever is guessing sees the same page either way.
      await queueMessage(tx, clock, {
        to: { name: user.name, email: user.email },
        channel: 'email',
        template: templateNamed(authTemplates, 'staff-account-locked'),
        values: {
          ...(await serviceValues(tx)),
          name: user.name,
          attempts: String(failed.failures),
          until: formatDateTime(failed.until!),
        },
      })
    })
  }

  return {
    /**
     * The person with this email and password, unless their account is disabled, or this email
     * or address has failed too often lately. One answer for every failure.
     */
    async signIn(
      email: string,
      password: string,
      from: SignInFrom,
    ): Promise<Result<{ userId: string; mustChangePassword: boolean; home: string }>> {
      const ip = from.ip || null
      const begun = await throttle.begin(email, from.ip)
      if (!begun.ok) {
        const userId = (await userByEmail(db, email))?.id ?? null
        await recordSignIn(db, clock, { userId, ip, outcome: { ok: false, reason: 'locked' } })
        return tooMany(begun.until)
      }
      const user = await userByEmail(db, email)
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password)
      if (user && valid && !user.disabledAt) {
        await throttle.passed(begun.attempt) // signed in only at the second step (secondStep below)
        await recordSignIn(db, clock, { userId: user.id, ip, outcome: { ok: true, passwordOnly: true } })
        return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword, home: homePathFor(user) }
      }
      const failed = throttle.failed(begun.attempt)
      const reason = user && valid ? 'disabled' : 'password'
      await recordSignIn(db, clock, { userId: user?.id ?? null, ip, outcome: { ok: false, reason } })
      if (user) await lockedOut(user, failed, ip)
      return failed.until ? tooMany(failed.until) : refuse('Enter a correct email address and password', 'email')
    },

    /**
     * A code at the second step (from the authenticator app, or a recovery code), counted as a
     * password is: a wrong one is a failure against the account and the address, slowing them
     * down and then locking the account (its owner emailed), and while either must wait no code is
     * checked, even a right one. A right code signs in, and the account starts again from nothing.
     */
    async secondStep<T extends object>(
      userId: string,
      from: SignInFrom,
      check: () => Promise<Result<T>>,
    ): Promise<Result<T>> {
      const user = await userById(db, userId)
      if (!user) return refuse('There is no such account', undefined, 'not-found')
      const ip = from.ip || null
      const begun = await throttle.begin(user.email, from.ip)
      if (!begun.ok) {
        await recordSignIn(db, clock, { userId, ip, outcome: { ok: false, reason: 'locked' } })
        return refuse(tooMany(begun.until).reason, 'code')
      }
      const answer = await check()
      if (answer.ok) {
        await throttle.succeeded(begun.attempt)
        return answer
      }
      const failed = throttle.failed(begun.attempt)
      await lockedOut(user, failed, ip)
      return failed.until ? refuse(tooMany(failed.until).reason, 'code') : answer
    },

    /** Signed in by setting up an authenticator app (its code checked by the enrolment): failures forgotten. */
    async enrolled(userId: string): Promise<void> {
      const user = await userById(db, userId)
      if (user) await throttle.signedIn(user.email)
    },

    /**
     * A new password the person chose (already checked against the policy by the form), once their
     * current one is right, if asked for (a wrong one counts as a failed sign-in). Every other
     * session of theirs ends; the one they changed it in goes on.
     */
    async changePassword(
      user: { id: string; email: string; name: string },
      change: { current?: string; password: string; keepSid: string; ip: string },
    ): Promise<Result> {
      if (change.current !== undefined) {
        const begun = await throttle.begin(user.email, change.ip)
        if (!begun.ok) return refuse(tooMany(begun.until).reason, 'current')
        const hash = await passwordHashOf(db, user.id)
        if (!hash || !(await verifyPassword(hash, change.current))) {
          const failed = throttle.failed(begun.attempt)
          const ip = change.ip || null
          await recordSignIn(db, clock, { userId: user.id, ip, outcome: { ok: false, reason: 'current-password' } })
          await lockedOut(user, failed, ip)
          return failed.until
            ? refuse(tooMany(failed.until).reason, 'current')
            : refuse('Your current password is not right. Enter the password you sign in with now', 'current')
        }
        await throttle.succeeded(begun.attempt)
      }
      const passwordHash = await hashPassword(change.password)
      await db.transaction(async (tx) => {
        await setOwnPassword(tx, user.id, passwordHash)
        await deleteSessionsOf(tx, user.id, change.keepSid)
        await recordChange(tx, clock, {
          by: { userId: user.id, ip: change.ip || null },
          action: 'staff.password-changed',
          record: { kind: 'staff-account', id: user.id },
          before: null,
          after: { otherSessions: 'ended' },
        })
      })
      return { ok: true }
    },
  }
}
