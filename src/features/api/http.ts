// What every /api/v1 route shares: the bearer-token check, the rate limit per token, and the
// error answers, each a problem (RFC 9457, web/problem.ts): 400 naming each bad field (the
// `fields` member), 401, 404, 409 with the reason.
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify'
import type { z } from 'zod'
import type { Refused } from '../../domain/result.ts'
import { sendProblem } from '../../web/problem.ts'
import {
  bearerToken,
  DEFAULT_REQUESTS_PER_MINUTE,
  hashToken,
  type ApiTokenIdentity,
  type ApiTokenService,
} from './tokens.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** The API token that authenticated this request (only on /api/v1 routes). */
    apiToken: ApiTokenIdentity | null
  }
}

/**
 * Every /api/v1 route: no session, no CSRF; the bearer token is checked in this area's preHandler,
 * then counted against its own limit (requests a minute, set per token by an administrator).
 */
export const apiRoute = {
  access: 'public' as const,
  rateLimit: {
    // After the token check (a preHandler of the area, which runs before the route's own), so
    // the limit is the token's.
    hook: 'preHandler' as const,
    max: (request: FastifyRequest) => request.apiToken?.requestsPerMinute ?? DEFAULT_REQUESTS_PER_MINUTE,
    timeWindow: '1 minute',
    // Per token (its hash, never the token itself); requests without one are counted per address.
    keyGenerator: (request: FastifyRequest) => {
      const token = bearerToken(request.headers.authorization)
      return token ? `api:${hashToken(token)}` : `api-ip:${request.ip}`
    },
  },
}

export function requireToken(tokens: ApiTokenService): preHandlerAsyncHookHandler {
  return async function (request: FastifyRequest, reply: FastifyReply) {
    const token = bearerToken(request.headers.authorization)
    const identity = token ? await tokens.authenticate(token) : undefined
    if (!identity) {
      reply.header('www-authenticate', 'Bearer realm="parley"')
      return sendProblem(
        reply,
        401,
        token ? 'The API token is not valid or has been revoked.' : 'Send an API token: Authorization: Bearer <token>.',
      )
    }
    request.apiToken = identity
  }
}

export function currentToken(request: FastifyRequest): ApiTokenIdentity {
  if (!request.apiToken) throw new Error('this route must be inside the API area')
  return request.apiToken
}

/** Each bad field by its path ("child.postcode", "events.0.date"), with the first thing wrong with it. */
export function fieldsOf(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  const put = (path: PropertyKey[], message: string) => {
    const key = path.length ? path.map(String).join('.') : 'body'
    fields[key] ??= message
  }
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) put([...issue.path, key], 'This field is not part of the API: remove it')
    } else {
      put(issue.path, issue.message)
    }
  }
  return fields
}

/** Clearer words than zod's defaults where a schema gives none. */
function messageFor(issue: z.core.$ZodRawIssue): string | undefined {
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.input === undefined)
    return 'This field is required'
  if (issue.code === 'invalid_type') return `Must be ${article(issue.expected)}`
  if (issue.code === 'invalid_value') return `Must be one of: ${issue.values.map(String).join(', ')}`
  return undefined
}
const article = (type: string) => (type === 'array' ? 'a list' : type === 'object' ? 'an object' : `a ${type}`)

export type Parsed<T> = { ok: true; data: T } | { ok: false; fields: Record<string, string> }

export function parseBody<S extends z.ZodType>(schema: S, body: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(body, { error: messageFor })
  return result.success ? { ok: true, data: result.data } : { ok: false, fields: fieldsOf(result.error) }
}

export const invalidDetail = 'Invalid request: each bad field is named in fields, with what is wrong with it.'

export function invalid(reply: FastifyReply, fields: Record<string, string>) {
  return sendProblem(reply, 400, invalidDetail, { error: 'Invalid request', fields })
}

export function notFound(reply: FastifyReply) {
  return sendProblem(reply, 404, 'There is no case with this reference that this token can see.')
}

/** 409: a step the case cannot take now, with the reason. */
export function conflict(reply: FastifyReply, reason: string) {
  return sendProblem(reply, 409, reason)
}

/** Why a service will not do what a request asks: a refusal, or the request's bad fields. */
export type ApiRefused = Refused | { ok: false; code: 'invalid'; fields: Record<string, string> }
export type ApiResult<T> = ({ ok: true } & T) | ApiRefused

/**
 * A refusal in the API's JSON: not the token's case (404), bad fields or a refusal of one field
 * (400, naming it), else a step the case cannot take now (409, with the reason).
 */
export function refused(reply: FastifyReply, refusal: ApiRefused) {
  if (refusal.code === 'invalid') return invalid(reply, refusal.fields)
  if (refusal.code === 'not-found') return notFound(reply)
  if (refusal.field) return invalid(reply, { [refusal.field]: refusal.reason })
  return conflict(reply, refusal.reason)
}
