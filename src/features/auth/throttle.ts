// Slowing down and then stopping repeated guesses at staff passwords, counted in the database
// (failures-repository.ts) per account, from any address, and per address, for any account. An
// attempt is counted as a failure before its password is checked and taken back if it succeeds,
// so only failures count: a busy office signing in is never held up by its own successes. A code
// at the second step is an attempt too, counted in the same way (service.ts).
import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { accountThrottle, addressThrottle, locksNow } from '../../domain/sign-in-throttle.ts'
import { blockedUntil, clearFailures, countAttempt, takeBack, type Counted } from './failures-repository.ts'

/** Neither the email nor the address itself is kept: a hash of it, with its kind. */
const keyOf = (kind: 'account' | 'address', value: string) =>
  `${kind}:${createHash('sha256').update(value).digest('base64url')}`

/** The key an account's failures are counted under (lock.ts). */
export const accountKeyOf = (email: string) => keyOf('account', email)

export interface Attempt {
  account: { key: string; counted: Counted }
  address: { key: string; counted: Counted }
}

export type Begun = { ok: true; attempt: Attempt } | { ok: false; until: Date }

class MustWait extends Error {}

export function createSignInThrottle(db: Db, clock: Clock) {
  return {
    /** Counts the attempt against the email and the address, unless either must wait now (until when). */
    async begin(email: string, ip: string): Promise<Begun> {
      const now = clock.now()
      const keys = { account: keyOf('account', email), address: keyOf('address', ip) }
      try {
        const attempt = await db.transaction(async (tx) => {
          const account = await countAttempt(tx, keys.account, accountThrottle, now)
          const address = account && (await countAttempt(tx, keys.address, addressThrottle, now))
          if (!account || !address) throw new MustWait() // neither is counted
          return { account: { key: keys.account, counted: account }, address: { key: keys.address, counted: address } }
        })
        return { ok: true, attempt }
      } catch (err) {
        if (!(err instanceof MustWait)) throw err
        return { ok: false, until: (await blockedUntil(db, [keys.account, keys.address], now)) ?? now }
      }
    },

    /** The attempt failed: when the next may be made, if it must wait, and whether this locked the account. */
    failed(attempt: Attempt): { until?: Date; locked: boolean; failures: number } {
      const times = [attempt.account.counted.blockedUntil, attempt.address.counted.blockedUntil].filter((t) => !!t)
      const until = times.length ? new Date(Math.max(...times.map((t) => t.getTime()))) : undefined
      const failures = attempt.account.counted.failures
      return { until, locked: locksNow(accountThrottle, failures), failures }
    },

    /** The attempt succeeded: the account starts again from nothing, and the address is not charged. */
    async succeeded(attempt: Attempt): Promise<void> {
      await clearFailures(db, attempt.account.key)
      await takeBack(db, attempt.address.key, attempt.address.counted)
    },

    /**
     * The password was right, but the sign-in is not done until the second step: this attempt is
     * not charged, and the account's earlier failures stand, so that wrong codes after a right
     * password go on counting towards the lock (a password entered again never starts it afresh).
     */
    async passed(attempt: Attempt): Promise<void> {
      await takeBack(db, attempt.account.key, attempt.account.counted)
      await takeBack(db, attempt.address.key, attempt.address.counted)
    },

    /** Signed in another way (an authenticator app just set up): the account starts again from nothing. */
    async signedIn(email: string): Promise<void> {
      await clearFailures(db, keyOf('account', email))
    },
  }
}
