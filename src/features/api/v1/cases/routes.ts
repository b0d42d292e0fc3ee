// GET /api/v1/cases/:reference: a case of the token's authority, its events and its deadlines.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { createApiCaseService } from '../../case-service.ts'
import { apiRoute, currentToken, notFound } from '../../http.ts'

export default async function caseRead(app: FastifyInstance, { database, clock }: AppDeps) {
  const cases = createApiCaseService({ db: database.db, clock })

  app.get<{ Params: { reference: string } }>(
    '/api/v1/cases/:reference',
    { config: apiRoute },
    async (request, reply) => {
      const found = await cases.read(currentToken(request), request.params.reference, request.url)
      return found ? reply.send(found) : notFound(reply)
    },
  )
}
