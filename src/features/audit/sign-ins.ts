// Sign-ins in the audit trail: each one that succeeds and each that fails, with who (when the
// account is known), from where and why it failed. An address typed that belongs to no account is
// not kept (it may be a mistyped password, or someone else's address): the attempt is, with where
// it came from.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { recordEntry } from './record.ts'

export type SignInOutcome =
  /** `passwordOnly`: the password was right, and the second step is still to come. */
  | { ok: true; passwordOnly?: true }
  /** 'password' (wrong), 'second-factor' (a wrong code), 'disabled', 'locked' (too many tries), ... */
  | { ok: false; reason: string }

export async function recordSignIn(
  db: Db,
  clock: Clock,
  attempt: { userId: string | null; ip: string | null; outcome: SignInOutcome },
): Promise<void> {
  await recordEntry(db, clock, {
    by: { userId: attempt.userId, ip: attempt.ip },
    action: !attempt.outcome.ok
      ? 'sign-in.failed'
      : attempt.outcome.passwordOnly
        ? 'sign-in.password-accepted'
        : 'sign-in.succeeded',
    record: { kind: 'sign-in', id: attempt.userId ?? 'no-such-account' },
    before: null,
    after: attempt.outcome.ok ? { signedIn: true } : { signedIn: false, reason: attempt.outcome.reason },
  })
}
