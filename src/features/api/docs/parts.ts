// The pieces every operation of the OpenAPI document is made of: JSON Schema from zod, references
// to components, the request body, and the error answers (each a problem, RFC 9457).
import { z } from 'zod'

/** JSON Schema for a component: OpenAPI 3.1 uses JSON Schema 2020-12, without a $schema of its own. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

export const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
export const json = (name: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
})
export const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } })
export const reference = {
  name: 'reference',
  in: 'path',
  required: true,
  description: 'The case reference, as on the case page',
  schema: { type: 'string' },
}

/** An error answer: a problem (application/problem+json). */
export const problem = (name: 'Error' | 'InvalidRequest', description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ref(name) } },
})

const retryAfter = {
  'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } },
}

export const errors = {
  400: problem(
    'InvalidRequest',
    'The request is not valid: each bad field is named in fields, by its path, with what is wrong (a date outside the range the calendar supports, text that cannot be stored, JSON that does not parse: then position says where)',
  ),
  401: problem('Error', 'No API token was sent, or it is unknown or revoked (the WWW-Authenticate header says Bearer)'),
  404: problem('Error', "There is no such case for this token's authority"),
  409: problem(
    'Error',
    'The case cannot take this step now, or its dates are in an impossible order (a meeting held before its date, a certificate before what calls for it, two outcomes that contradict each other...): detail says why',
  ),
  413: problem('Error', 'The body is larger than the service accepts'),
  415: problem('Error', 'The body was not sent as JSON with Content-Type: application/json'),
  429: {
    ...problem('Error', 'Too many requests with this token; the Retry-After header says when to try again'),
    headers: retryAfter,
  },
  500: problem('Error', 'Something went wrong in the service: nothing was saved; try again later'),
  503: {
    ...problem('Error', 'The service cannot reach its records just now; try again shortly (it is safe to send again)'),
    headers: retryAfter,
  },
}

/** The errors every call may get, and those of a call with a body. */
export const everyCall = { 401: errors[401], 429: errors[429], 500: errors[500], 503: errors[503] }
export const withBody = { 400: errors[400], 413: errors[413], 415: errors[415] }
