// The JSON API (/api/v1) for integration and automation, and its OpenAPI document. Every /api/v1
// route authenticates itself with a bearer token scoped to one commissioning authority.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import openapi from './docs/routes.ts'
import { isDatabaseUnavailable } from '../../web/database-unavailable.ts'
import { unavailable } from '../../web/errors.ts'
import { sendProblem } from '../../web/problem.ts'
import { checkBody, jsonBodies, notJson } from './body.ts'
import { requireToken } from './http.ts'
import { createApiTokenService } from './tokens.ts'
import caseAgreement from './v1/cases/agreement/routes.ts'
import caseEvents from './v1/cases/events/routes.ts'
import caseRead from './v1/cases/routes.ts'
import deadlines from './v1/deadlines/routes.ts'
import enquiries from './v1/enquiries/routes.ts'
import reportSummary from './v1/reports/routes.ts'

export const apiPages = [enquiries, caseRead, caseEvents, caseAgreement, deadlines, reportSummary]

export default async function apiArea(app: FastifyInstance, deps: AppDeps) {
  await app.register(async (v1) => {
    v1.decorateRequest('apiToken', null)
    jsonBodies(v1)
    v1.addHook('preHandler', requireToken(createApiTokenService(deps.database.db, deps.clock)))
    v1.addHook('preHandler', checkBody) // after the token: 401 before anything about the body
    v1.setErrorHandler(apiError)
    for (const page of apiPages) await page(v1, deps)
  })
  await openapi(app)
}

/** Errors (a body that is not JSON, too many requests, the database away), as problems. */
async function apiError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (isDatabaseUnavailable(error)) return unavailable(request, reply)
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
  if (status >= 500) request.log.error({ err: error }, 'API request failed')
  if (error.code === 'PARLEY_BAD_JSON' || (status === 400 && error.code === undefined)) {
    const position = (error as { position?: number }).position
    return sendProblem(reply, 400, error.message, {
      error: 'Invalid request',
      ...(position === undefined ? {} : { position }),
      fields: { body: 'Send the body as JSON, with Content-Type: application/json' },
    })
  }
  if (status === 400 && error.code?.startsWith('FST_ERR_CTP')) {
    return sendProblem(
      reply,
      400,
      'The body could not be read: send a JSON object, with Content-Type: application/json.',
      {
        error: 'Invalid request',
        fields: { body: 'Send the body as JSON, with Content-Type: application/json' },
      },
    )
  }
  if (status === 415) {
    const type = request.headers['content-type']
    return sendProblem(reply, 415, notJson.replace('{type}', type ? `Content-Type: ${type}` : 'no Content-Type'))
  }
  const messages: Record<number, string> = {
    413: 'The request body is too large.',
    429: 'Too many requests with this token: wait a minute and try again.',
  }
  return sendProblem(
    reply,
    status,
    messages[status] ??
      (status >= 500
        ? 'Sorry, there is a problem with the service. Try again later.'
        : 'This request could not be completed.'),
  )
}
