// POST /api/v1/cases/:reference/events: record what happened, on the day it happened.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { createWorkflowService } from '../../../../cases/index.ts'
import { caseForToken, statutoryDeadlines } from '../../../cases.ts'
import { apiRoute, currentToken, invalid, notFound, parseBody } from '../../../http.ts'
import { recordApiEvent } from '../../../record-event.ts'
import { recordEventSchema } from '../../../schemas.ts'

export default async function caseEvents(app: FastifyInstance, { database, clock }: AppDeps) {
  const workflow = createWorkflowService({ db: database.db, clock })
  const schema = recordEventSchema(() => clock.today())

  app.post<{ Params: { reference: string } }>(
    '/api/v1/cases/:reference/events',
    { config: apiRoute },
    async (request, reply) => {
      const token = currentToken(request)
      const row = await caseForToken(database.db, request.params.reference, token.localAuthorityId)
      if (!row) return notFound(reply)
      const parsed = parseBody(schema, request.body)
      if (!parsed.ok) return invalid(reply, parsed.fields)

      const result = await recordApiEvent(workflow, row.id, parsed.data, { label: `API: ${token.name}` })
      if (!result.ok) {
        if (result.code === 'not-found') return notFound(reply)
        if (result.code === 'invalid') return invalid(reply, { date: result.reason })
        return reply.code(409).send({ error: result.reason })
      }
      request.log.info({ apiToken: token.id, caseId: row.id, event: parsed.data.type }, 'API token recorded an event')
      const deadlines = statutoryDeadlines(await workflow.deadlinesOf(row.id))
      return reply.code(201).send({ reference: row.reference, status: result.state.status, deadlines })
    },
  )
}
