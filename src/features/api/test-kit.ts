// For the API's tests: councils, tokens, and JSON requests with a bearer token.
import type { LightMyRequestResponse } from 'fastify'
import { eq } from 'drizzle-orm'
import { localAuthorities } from '../../db/schema/index.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { createApiTokenService } from './tokens.ts'

/** Another council, beside the seeded Warrington (postcodes WA1-WA5, WA13). */
export async function addAuthority(t: TestApp, code: string, districts: string[]) {
  const [row] = await t.database.db
    .insert(localAuthorities)
    .values({
      code,
      name: `${code} Council`,
      postcodeDistricts: districts,
      serviceName: 'x',
      phone: '0',
      address: 'x',
      openingHours: 'x',
    })
    .returning()
  return row!
}

export async function issueToken(t: TestApp, authorityCode = 'warrington', name = 'Test system') {
  const [authority] = await t.database.db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.code, authorityCode))
  return createApiTokenService(t.database.db, t.clock).issue({
    name,
    localAuthorityId: authority!.id,
    createdBy: 'test',
  })
}

export function api(t: TestApp, token?: string) {
  const headers = (extra: Record<string, string> = {}) => ({
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  })
  return {
    get: (url: string): Promise<LightMyRequestResponse> => t.app.inject({ method: 'GET', url, headers: headers() }),
    post: (url: string, body: unknown, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
      t.app.inject({
        method: 'POST',
        url,
        payload: JSON.stringify(body),
        headers: headers({ 'content-type': 'application/json', ...extra }),
      }),
  }
}
