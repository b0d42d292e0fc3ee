// Bearer tokens for the JSON API, each for one commissioning authority. The token itself is
// shown once (on the admin page after issuing it, or printed by the CLI); only its SHA-256 hash
// is kept, so the database never holds a usable token.
import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import { isUuid } from '../../web/ids.ts'
import {
  insertToken,
  listTokens,
  markRevoked,
  setRequestsPerMinute,
  tokenByHash,
  tokenById,
  tokenWithAuthority,
  touchToken,
  type Queryable,
} from './repository.ts'

export const TOKEN_PREFIX = 'parley_'
/** parley_ and 32 random bytes as base64url (43 characters). */
export const TOKEN_PATTERN = /^parley_[A-Za-z0-9_-]{43}$/

export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url')
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** The bearer token in an Authorization header, or undefined. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')
  return match?.[1]
}

export interface ApiTokenIdentity {
  id: string
  name: string
  tokenHash: string
  localAuthorityId: string
  localAuthorityName: string
  /** Requests a minute this token may make. */
  requestsPerMinute: number
}

export interface ApiTokenRow {
  id: string
  name: string
  authorityCode: string
  authorityName: string
  createdBy: string
  createdAt: Date
  lastUsedAt: Date | null
  revokedAt: Date | null
  requestsPerMinute: number
}

/** Requests a minute a token may make unless an administrator gives it another limit. */
export const DEFAULT_REQUESTS_PER_MINUTE = 120
export const MAX_REQUESTS_PER_MINUTE = 100_000

/** last_used_at is written at most once a minute per token, so busy integrations do not write on every call. */
const TOUCH_EVERY_MS = 60_000

/** `db` may be a transaction the caller holds (an administrator's form issues a token once per key). */
export function createApiTokenService(db: Queryable, clock: Clock) {
  return {
    /** Issues a token for the authority; the token is returned once and never stored. */
    async issue(input: {
      name: string
      localAuthorityId: string
      createdBy: string
      requestsPerMinute?: number
    }): Promise<{ id: string; token: string }> {
      const token = generateToken()
      const id = await insertToken(db, { ...input, tokenHash: hashToken(token), createdAt: clock.now() })
      return { id, token }
    },

    /** Revokes a token. `already` when it had been revoked before; undefined when there is no such token. */
    async revoke(id: string): Promise<{ name: string; already: boolean } | undefined> {
      if (!isUuid(id)) return undefined // the command line's --id is not checked before it comes here
      const found = await tokenById(db, id)
      if (!found) return undefined
      if (found.revokedAt) return { name: found.name, already: true }
      await markRevoked(db, id, clock.now())
      return { name: found.name, already: false }
    },

    list: (): Promise<ApiTokenRow[]> => listTokens(db),

    /** A token's limit, changed from `shown` to `requestsPerMinute`; false if it was no longer `shown`. */
    setLimit: (id: string, shown: number, requestsPerMinute: number) =>
      setRequestsPerMinute(db, id, shown, requestsPerMinute),

    find: (id: string): Promise<ApiTokenRow | undefined> => tokenWithAuthority(db, id),

    /** The live (not revoked) token with this value, noting that it was used. */
    async authenticate(token: string): Promise<ApiTokenIdentity | undefined> {
      if (!TOKEN_PATTERN.test(token)) return undefined
      const tokenHash = hashToken(token)
      const row = await tokenByHash(db, tokenHash)
      if (!row || row.revokedAt) return undefined
      const now = clock.now()
      const since = new Date(now.getTime() - TOUCH_EVERY_MS)
      // Written only when the last use noted is older than that (the update checks again).
      if (!row.lastUsedAt || row.lastUsedAt < since) await touchToken(db, row.id, now, since)
      return {
        id: row.id,
        name: row.name,
        tokenHash,
        localAuthorityId: row.localAuthorityId,
        localAuthorityName: row.localAuthorityName,
        requestsPerMinute: row.requestsPerMinute,
      }
    },
  }
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>
