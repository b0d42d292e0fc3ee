// POST /api/v1/cases/:reference/events: record what happened, on the day it happened.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { createApiCaseService } from '../../../case-service.ts'
import { apiRoute, currentToken, parseBody, refused } from '../../../http.ts'
import { recordEventSchema } from '../../../schemas.ts'

export default async function caseEvents(app: FastifyInstance, { database, clock }: AppDeps) {
  const cases = createApiCaseService({ db: database.db, clock })
  const schema = recordEventSchema(() => clock.today())

  app.post<{ Params: { reference: string } }>(
    '/api/v1/cases/:reference/events',
    { config: apiRoute },
    async (request, reply) => {
      const token = currentToken(request)
      const body = parseBody(schema, request.body)
      const result = await cases.recordEvent(token, request.params.reference, body)
      if (!result.ok) return refused(reply, result)
      const event = body.ok ? body.data.type : undefined
      request.log.info({ apiToken: token.id, caseId: result.caseId, event }, 'API token recorded an event')
      return reply.code(201).send(result.answer)
    },
  )
}
