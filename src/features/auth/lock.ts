// An account's lock (its failed sign-ins must wait: throttle.ts) as an administrator sees it on
// the account's page, and their unlocking it: the account's count starts again from nothing, while
// an address that was guessing still waits.
import type { Db, Tx } from '../../db/client.ts'
import { blockedUntil, clearFailures } from './failures-repository.ts'
import { accountKeyOf } from './throttle.ts'

/** Until when the account with this email cannot sign in, if it cannot now. */
export const accountLockedUntil = (db: Db, email: string, now: Date) => blockedUntil(db, [accountKeyOf(email)], now)

/** Forgets the account's failed sign-ins, in the caller's transaction (which audits it). */
export const unlockAccount = (tx: Db | Tx, email: string) => clearFailures(tx, accountKeyOf(email))
