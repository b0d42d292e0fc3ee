// How repeated failed sign-ins are slowed down, then stopped: a few failures cost nothing (people
// mistype), each one after that makes the next attempt wait twice as long as the one before, and
// an account that reaches its limit is locked for a while (its owner is told). Only failures
// count: signing in successfully costs an address nothing, and clears the account's count.

export interface ThrottlePolicy {
  /** Failures allowed before any wait. */
  free: number
  /** The wait after the first failure past `free`, doubling with each failure after it, up to `maxWaitMs`. */
  firstWaitMs: number
  maxWaitMs: number
  /** At this many failures, the account is locked for `lockMs`, and stays so for each failure after. */
  lock?: { at: number; ms: number }
  /** Failures are forgotten this long after the last one (longer than any wait). */
  forgetAfterMs: number
}

const minute = 60_000

/** One account (the email typed, whether or not there is such an account), from any address. */
export const accountThrottle: ThrottlePolicy = {
  free: 4,
  firstWaitMs: minute,
  maxWaitMs: 15 * minute,
  lock: { at: 10, ms: 30 * minute },
  forgetAfterMs: 24 * 60 * minute,
}

/** One address, for any accounts: more lenient, as colleagues in one office share an address. */
export const addressThrottle: ThrottlePolicy = {
  free: 30,
  firstWaitMs: minute,
  maxWaitMs: 15 * minute,
  forgetAfterMs: 60 * minute,
}

/** How long the next attempt must wait after this many failures (0: no wait). */
export function waitAfter(policy: ThrottlePolicy, failures: number): number {
  if (policy.lock && failures >= policy.lock.at) return policy.lock.ms
  if (failures <= policy.free) return 0
  return Math.min(policy.firstWaitMs * 2 ** (failures - policy.free - 1), policy.maxWaitMs)
}

/** Whether this failure is the one that locks the account (the moment its owner is told). */
export function locksNow(policy: ThrottlePolicy, failures: number): boolean {
  return !!policy.lock && failures === policy.lock.at
}

/** The waits for 1, 2, ... failures up to the last that differs; every later count waits the last. */
export function waitSteps(policy: ThrottlePolicy): number[] {
  const last = Math.max(
    policy.lock?.at ?? 0,
    policy.free + 1 + Math.ceil(Math.log2(policy.maxWaitMs / policy.firstWaitMs)),
  )
  return Array.from({ length: last }, (_, i) => waitAfter(policy, i + 1))
}
