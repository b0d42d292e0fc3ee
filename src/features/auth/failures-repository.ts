// The counts of failed sign-ins (db/schema/sign-in-failures.ts): each attempt is counted before
// its password is checked, in one statement that refuses it while its key must wait, so that
// attempts sent at the same moment cannot slip past a wait; a success takes its count back.
import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { signInFailures } from '../../db/schema/index.ts'
import { waitSteps, type ThrottlePolicy } from '../../domain/sign-in-throttle.ts'

export interface Counted {
  failures: number
  blockedUntil: Date | null
}

/** The latest time any of these keys must wait until, if one must wait now. */
export async function blockedUntil(q: Db | Tx, keys: string[], now: Date): Promise<Date | undefined> {
  const rows = await q
    .select({ until: signInFailures.blockedUntil })
    .from(signInFailures)
    .where(and(inArray(signInFailures.key, keys), sql`${signInFailures.blockedUntil} > ${now}`))
  const times = rows.map((r) => r.until!.getTime())
  return times.length ? new Date(Math.max(...times)) : undefined
}

/**
 * Counts one more failure for the key (starting again once the last is forgotten) and the wait
 * it brings; nothing, when the key must wait now (the attempt is refused, and not counted).
 */
export async function countAttempt(
  tx: Tx,
  key: string,
  policy: ThrottlePolicy,
  now: Date,
): Promise<Counted | undefined> {
  const steps = waitSteps(policy)
  const forgetAt = new Date(now.getTime() + policy.forgetAfterMs)
  const n = sql`(case when ${signInFailures.forgetAt} <= ${now}::timestamptz then 1 else ${signInFailures.failures} + 1 end)`
  // The policy's own steps, as numbers in the statement (constants of ours, not input).
  const cases = steps.map((ms, i) => sql.raw(`when ${i + 1} then ${ms}`))
  const waitMs = sql`(case ${n} ${sql.join(cases, sql` `)} else ${sql.raw(String(steps.at(-1)))} end)`
  const first = steps[0]!
  const [row] = await tx
    .insert(signInFailures)
    .values({ key, failures: 1, blockedUntil: first ? new Date(now.getTime() + first) : null, forgetAt })
    .onConflictDoUpdate({
      target: signInFailures.key,
      set: {
        failures: n,
        blockedUntil: sql`case when ${waitMs} > 0 then ${now}::timestamptz + ${waitMs} * interval '1 millisecond' end`,
        forgetAt,
      },
      setWhere: sql`${signInFailures.blockedUntil} is null or ${signInFailures.blockedUntil} <= ${now}::timestamptz`,
    })
    .returning({ failures: signInFailures.failures, blockedUntil: signInFailures.blockedUntil })
  return row
}

/** An account that signed in starts again from nothing. */
export async function clearFailures(db: Db | Tx, key: string) {
  await db.delete(signInFailures).where(eq(signInFailures.key, key))
}

/**
 * The attempt succeeded: its count is taken back, and the wait it started, unless a later failure
 * set another; a key left with no failures and no wait is not kept.
 */
export async function takeBack(db: Db, key: string, counted: Counted) {
  await db
    .update(signInFailures)
    .set({
      failures: sql`greatest(${signInFailures.failures} - 1, 0)`,
      blockedUntil: counted.blockedUntil
        ? sql`case when ${signInFailures.blockedUntil} = ${counted.blockedUntil}::timestamptz then null else ${signInFailures.blockedUntil} end`
        : sql`${signInFailures.blockedUntil}`,
    })
    .where(eq(signInFailures.key, key))
  await db
    .delete(signInFailures)
    .where(and(eq(signInFailures.key, key), eq(signInFailures.failures, 0), isNull(signInFailures.blockedUntil)))
}

/** Forgets counts whose last failure was long enough ago (a periodic task). */
export async function deleteForgottenFailures(db: Db, now: Date) {
  await db.delete(signInFailures).where(lt(signInFailures.forgetAt, now))
}
