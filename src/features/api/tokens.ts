// Bearer tokens for the JSON API, each for one commissioning authority. The token itself is
// shown once (on the admin page after issuing it, or printed by the CLI); only its SHA-256 hash
// is kept, so the database never holds a usable token.
import { createHash, randomBytes } from 'node:crypto'
import { and, desc, eq, isNull, lt, or } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { apiTokens, localAuthorities } from '../../db/schema/index.ts'

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
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
export const isUuid = (value: string) => UUID.test(value)

/** last_used_at is written at most once a minute per token, so busy integrations do not write on every call. */
const TOUCH_EVERY_MS = 60_000

export function createApiTokenService(db: Db, clock: Clock) {
  const columns = {
    id: apiTokens.id,
    name: apiTokens.name,
    authorityCode: localAuthorities.code,
    authorityName: localAuthorities.name,
    createdBy: apiTokens.createdBy,
    createdAt: apiTokens.createdAt,
    lastUsedAt: apiTokens.lastUsedAt,
    revokedAt: apiTokens.revokedAt,
  }

  return {
    /** Issues a token for the authority; the token is returned once and never stored. */
    async issue(input: {
      name: string
      localAuthorityId: string
      createdBy: string
    }): Promise<{ id: string; token: string }> {
      const token = generateToken()
      const [row] = await db
        .insert(apiTokens)
        .values({
          name: input.name,
          tokenHash: hashToken(token),
          localAuthorityId: input.localAuthorityId,
          createdBy: input.createdBy,
          createdAt: clock.now(),
        })
        .returning({ id: apiTokens.id })
      return { id: row!.id, token }
    },

    /** Revokes a token. `already` when it had been revoked before; undefined when there is no such token. */
    async revoke(id: string): Promise<{ name: string; already: boolean } | undefined> {
      if (!isUuid(id)) return undefined
      const [found] = await db.select().from(apiTokens).where(eq(apiTokens.id, id))
      if (!found) return undefined
      if (found.revokedAt) return { name: found.name, already: true }
      await db
        .update(apiTokens)
        .set({ revokedAt: clock.now() })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
      return { name: found.name, already: false }
    },

    list(): Promise<ApiTokenRow[]> {
      return db
        .select(columns)
        .from(apiTokens)
        .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
        .orderBy(desc(apiTokens.createdAt))
    },

    async find(id: string): Promise<ApiTokenRow | undefined> {
      if (!isUuid(id)) return undefined
      const [row] = await db
        .select(columns)
        .from(apiTokens)
        .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
        .where(eq(apiTokens.id, id))
      return row
    },

    /** The live (not revoked) token with this value, noting that it was used. */
    async authenticate(token: string): Promise<ApiTokenIdentity | undefined> {
      if (!TOKEN_PATTERN.test(token)) return undefined
      const tokenHash = hashToken(token)
      const [row] = await db
        .select({
          id: apiTokens.id,
          name: apiTokens.name,
          localAuthorityId: apiTokens.localAuthorityId,
          localAuthorityName: localAuthorities.name,
          revokedAt: apiTokens.revokedAt,
        })
        .from(apiTokens)
        .innerJoin(localAuthorities, eq(localAuthorities.id, apiTokens.localAuthorityId))
        .where(eq(apiTokens.tokenHash, tokenHash))
      if (!row || row.revokedAt) return undefined
      const now = clock.now()
      await db
        .update(apiTokens)
        .set({ lastUsedAt: now })
        .where(
          and(
            eq(apiTokens.id, row.id),
            or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, new Date(now.getTime() - TOUCH_EVERY_MS))),
          ),
        )
      return {
        id: row.id,
        name: row.name,
        tokenHash,
        localAuthorityId: row.localAuthorityId,
        localAuthorityName: row.localAuthorityName,
      }
    },
  }
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>
