// GET /api/v1/cases/:reference: a case of the token's authority, its events and its deadlines.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app.ts'
import { createWorkflowService } from '../../../cases/workflow-service.ts'
import { caseDetails, caseForToken, statutoryDeadlines } from '../../cases.ts'
import { apiRoute, currentToken, notFound } from '../../http.ts'

export default async function caseRead(app: FastifyInstance, { database, clock }: AppDeps) {
  const workflow = createWorkflowService({ db: database.db, clock })

  app.get<{ Params: { reference: string } }>('/api/v1/cases/:reference', { config: apiRoute }, async (request, reply) => {
    const token = currentToken(request)
    const row = await caseForToken(database.db, request.params.reference, token.localAuthorityId)
    if (!row) return notFound(reply)
    const { parties, events } = await caseDetails(database.db, row)
    const deadlines = statutoryDeadlines(await workflow.deadlinesOf(row.id))
    // access_log needs a staff user: an API read is logged here instead (see the report on issue 3).
    request.log.info({ apiToken: token.id, apiTokenName: token.name, caseId: row.id }, 'API token read a case')
    return reply.send({
      reference: row.reference,
      status: row.status,
      scope: row.scope,
      receivedOn: row.receivedOn,
      channel: row.channel,
      child: { name: row.childName, dateOfBirth: row.childDateOfBirth },
      parties,
      events,
      deadlines,
    })
  })
}
