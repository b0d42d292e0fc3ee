// A new API token is shown to the administrator once, on the page after the form, as a one-time
// password is (../users/one-time-password.ts, whose sealing this reuses): it waits in the session
// sealed with a key derived from the session secret, and reading it removes it.
import type { FastifyRequest } from 'fastify'
import { seal, unseal } from '../users/one-time-password.ts'

declare module 'fastify' {
  interface Session {
    /** A new API token waiting to be shown, and the form submission that made it. */
    apiToken?: { tokenId: string; sealed?: string; submissionKey?: string }
  }
}

export function keepTokenToShow(
  request: FastifyRequest,
  secret: string,
  tokenId: string,
  token: string,
  submissionKey: string,
) {
  request.session.apiToken = { tokenId, sealed: seal(secret, token), submissionKey }
}

/** The token a form submission already made in this session, if this is a repeat of it. */
export function tokenMadeBy(request: FastifyRequest, submissionKey: string): string | undefined {
  const made = request.session.apiToken
  return made?.submissionKey === submissionKey ? made.tokenId : undefined
}

/** The token waiting to be shown, once. */
export function takeTokenToShow(request: FastifyRequest, secret: string, tokenId: string): string | undefined {
  const waiting = request.session.apiToken
  if (!waiting?.sealed || waiting.tokenId !== tokenId) return undefined
  request.session.apiToken = { ...waiting, sealed: undefined }
  return unseal(secret, waiting.sealed)
}
