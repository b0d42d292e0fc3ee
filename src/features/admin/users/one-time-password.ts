// A one-time password is shown to the administrator once, on the page after the form (so that a
// reload never re-posts it). It waits in the session in between, sealed with a key derived from
// the session secret: the sessions table never holds it in plain text. Reading it removes it. (A
// repeat of the form finds the account by its one-time key, in the service, and shows nothing new.)
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'

declare module 'fastify' {
  interface Session {
    /** A one-time password waiting to be shown. */
    oneTimePassword?: { userId: string; sealed?: string }
  }
}

function keyFrom(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'parley', 'one-time password in the session', 32))
}

export function seal(secret: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

export function unseal(secret: string, sealed: string): string | undefined {
  try {
    const [iv, tag, body] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'))
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), iv!)
    decipher.setAuthTag(tag!)
    return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

export function keepToShow(request: FastifyRequest, secret: string, userId: string, password: string) {
  request.session.oneTimePassword = { userId, sealed: seal(secret, password) }
}

/** The password waiting for this account, once: it is gone from the session afterwards. */
export function takeToShow(request: FastifyRequest, secret: string, userId: string): string | undefined {
  const waiting = request.session.oneTimePassword
  if (!waiting?.sealed || waiting.userId !== userId) return undefined
  request.session.oneTimePassword = undefined
  return unseal(secret, waiting.sealed)
}
