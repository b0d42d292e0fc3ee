// Signing staff in (each failure counted against the account and the address: throttle.ts), and
// each person choosing their own password.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { homePathFor } from '../../domain/staff.ts'
import { formatDateTime, formatTime } from '../../web/format.ts'
import { recordChange } from '../audit/index.ts'
import { queueMessage, serviceValues } from '../messages/index.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { setOwnPassword, userByEmail } from './repository.ts'
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
      const begun = await throttle.begin(email, from.ip)
      if (!begun.ok) return tooMany(begun.until)
      const user = await userByEmail(db, email)
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password)
      const by = { userId: user?.id ?? null, ip: from.ip || null }
      if (user && valid && !user.disabledAt) {
        await throttle.succeeded(begun.attempt)
        await db.transaction((tx) =>
          recordChange(tx, clock, {
            by,
            action: 'staff.signed-in',
            record: { kind: 'staff-account', id: user.id },
            before: null,
            after: null,
          }),
        )
        return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword, home: homePathFor(user) }
      }
      const failed = throttle.failed(begun.attempt)
      if (user) {
        await db.transaction(async (tx) => {
          const record = { kind: 'staff-account', id: user.id }
          await recordChange(tx, clock, {
            by: { userId: null, ip: by.ip },
            action: 'staff.sign-in-failed',
            record,
            before: null,
            after: { failures: failed.failures, waitUntil: failed.until ?? null },
          })
          if (!failed.locked || user.disabledAt) return
          await recordChange(tx, clock, {
            by: { userId: null, ip: by.ip },
            action: 'staff.locked-out',
            record,
            before: null,
            after: { until: failed.until! },
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
      return failed.until ? tooMany(failed.until) : refuse('Enter a correct email address and password', 'email')
    },

    async choosePassword(userId: string, password: string): Promise<void> {
      await setOwnPassword(db, userId, await hashPassword(password))
    },
  }
}
