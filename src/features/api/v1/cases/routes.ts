// GET /api/v1/cases/:reference: a case of the token's authority, its events and its deadlines.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { recordAccess, createWorkflowService } from '../../../cases/index.ts'
import { caseDetails, caseForToken, statutoryDeadlines } from '../../cases.ts'
import { apiRoute, currentToken, notFound } from '../../http.ts'

export default async function caseRead(app: FastifyInstance, { database, clock }: AppDeps) {
  const workflow = createWorkflowService({ db: database.db, clock })

  app.get<{ Params: { reference: string } }>(
    '/api/v1/cases/:reference',
    { config: apiRoute },
    async (request, reply) => {
      const token = currentToken(request)
      const row = await caseForToken(database.db, request.params.reference, token.localAuthorityId)
      if (!row) return notFound(reply)
      const { parties, events } = await caseDetails(database.db, row)
      const deadlines = statutoryDeadlines(await workflow.deadlinesOf(row.id))
      await recordAccess(database.db, clock, { apiTokenId: token.id, caseId: row.id, path: request.url })
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
    },
  )
}
