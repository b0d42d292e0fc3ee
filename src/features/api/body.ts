// The request bodies the API takes: JSON only, sent as such. Another Content-Type is 415, saying
// so; JSON that does not parse is 400 with where it goes wrong; text that PostgreSQL cannot store
// (a NUL character, half of a UTF-16 surrogate pair) is 400 naming the field.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { unstorableText } from '../../domain/storable-text.ts'
import { sendProblem } from '../../web/problem.ts'
import { invalid } from './http.ts'
import { jsonFault } from './json-position.ts'

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i
const WITH_BODY = new Set(['POST', 'PUT', 'PATCH'])

export const notJson =
  'Send the body as JSON, with the header Content-Type: application/json (this request had {type}).'

/** Where the body stops being JSON, in words: "at line 1, column 8: expected a colon (:)". */
export function jsonErrorPosition(body: string): { detail: string; position?: number } {
  const fault = jsonFault(body)
  if (!fault) return { detail: 'The body is not valid JSON.' }
  return {
    detail: `The body is not valid JSON at line ${fault.line}, column ${fault.column} (character ${fault.position + 1}): expected ${fault.expected}.`,
    position: fault.position,
  }
}

/** JSON through Fastify's own (safe) parser; a body that does not parse says where. */
export function jsonBodies(v1: FastifyInstance) {
  const parse = v1.getDefaultJsonParser('error', 'error')
  v1.removeContentTypeParser('application/json')
  v1.addContentTypeParser(JSON_TYPE, { parseAs: 'string' }, (request, body, done) => {
    parse(request, String(body), (err, value) => {
      if (!err) return done(null, value)
      const text = String(body)
      if (text.trim() === '')
        return done(Object.assign(new Error('The body is empty: send a JSON object.'), { statusCode: 400 }))
      const { detail, position } = jsonErrorPosition(text)
      // Valid JSON that Fastify still refused: a __proto__ or constructor key.
      const reason =
        detail === 'The body is not valid JSON.'
          ? 'The body has a __proto__ or constructor key, which is not allowed.'
          : detail
      done(Object.assign(new Error(reason), { statusCode: 400, position, code: 'PARLEY_BAD_JSON' }))
    })
  })
}

/** preHandler for /api/v1: a body must be JSON, and its text storable. */
export async function checkBody(request: FastifyRequest, reply: FastifyReply) {
  if (!WITH_BODY.has(request.method)) return
  const type = request.headers['content-type']
  if (!type || !JSON_TYPE.test(type)) {
    return sendProblem(reply, 415, notJson.replace('{type}', type ? `Content-Type: ${type}` : 'no Content-Type'))
  }
  const bad = unstorableText(request.body)
  if (bad) return invalid(reply, { [bad.path || 'body']: bad.message })
}
