// A new API token is shown to the administrator once, on the page after the form, as a one-time
// password is (../users/one-time-password.ts, whose sealing this reuses): it waits in the session
// sealed with a key derived from the session secret, and reading it removes it.
import type { FastifyRequest } from 'fastify'
import { seal, unseal } from '../users/one-time-password.ts'

declare module 'fastify' {
  interface Session {
    /** A new API token waiting to be shown. */
    apiToken?: { tokenId: string; sealed?: string }
  }
}

export function keepTokenToShow(request: FastifyRequest, secret: string, tokenId: string, token: string) {
  request.session.apiToken = { tokenId, sealed: seal(secret, token) }
}

/** The token waiting to be shown, once. */
export function takeTokenToShow(request: FastifyRequest, secret: string, tokenId: string): string | undefined {
  const waiting = request.session.apiToken
  if (!waiting?.sealed || waiting.tokenId !== tokenId) return undefined
  request.session.apiToken = undefined
  return unseal(secret, waiting.sealed)
}
