// Between the password and the second factor. A session whose password was right holds only who
// is signing in (pendingUserId) and where they were going; it counts as signed in (userId, and the
// second factor it was signed in with) only once the second step is done, in a new session.
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../../clock.ts'
import { startStaffSession } from './sessions.ts'

declare module 'fastify' {
  interface Session {
    /** Where to go once signed in, and the wrong codes tried in this sign-in. */
    pendingNext?: string
    secondStepAttempts?: number
  }
}

/** Wrong codes one sign-in allows before the person must start again with their password. */
export const MAX_SECOND_STEP_ATTEMPTS = 5

/**
 * Codes tried for one account, whichever session or address they come from (so many people
 * behind one office address are not held up by each other): with at most MAX_SECOND_STEP_ATTEMPTS
 * wrong ones in each sign-in, guessing a code stays out of reach.
 */
export const codeRateLimit = {
  max: 20,
  timeWindow: '5 minutes',
  keyGenerator: (request: FastifyRequest) => `account:${request.session?.pendingUserId ?? request.ip}`,
}

export const secondStepPath = '/sign-in/second-factor'
export const enrolPath = '/sign-in/enrol'

/**
 * After the password (the session already renewed): remember who is signing in and where they
 * go next, not yet signed in. The second step's page asks for their code, or sends them to set
 * up an app first.
 */
export function beginSecondStep(request: FastifyRequest, userId: string, next: string): string {
  request.session.userId = undefined
  request.session.pendingUserId = userId
  request.session.pendingNext = next
  request.session.secondStepAttempts = 0
  return secondStepPath
}

/** Who is between the password and the second step in this session, if anyone. */
export const pendingUserOf = (request: FastifyRequest) => request.session.pendingUserId

/** Counts a wrong code; true when that was one too many (the sign-in is then over). */
export async function wrongCodeTried(request: FastifyRequest): Promise<boolean> {
  const tried = (request.session.secondStepAttempts ?? 0) + 1
  if (tried < MAX_SECOND_STEP_ATTEMPTS) {
    request.session.secondStepAttempts = tried
    return false
  }
  await request.session.regenerate()
  return true
}

/**
 * The second step is done: a new session (so one seen before this point is worthless), signed in
 * with this second factor. Returns where they were going.
 */
export async function completeSignIn(
  request: FastifyRequest,
  userId: string,
  factorId: string,
  clock: Clock,
): Promise<string> {
  const next = request.session.pendingNext ?? '/'
  // The one place a staff session becomes signed in (with what the account's sessions list shows).
  await startStaffSession(request, userId, clock)
  request.session.secondFactorId = factorId
  return next
}
