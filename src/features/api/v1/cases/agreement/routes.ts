// POST /api/v1/cases/:reference/agreement: the meeting's outcome and the agreement's items, made
// final at once, with every follow-up date they set.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { agreementSchema } from '../../../agreement-schema.ts'
import { createApiCaseService } from '../../../case-service.ts'
import { apiRoute, currentToken, parseBody, refused } from '../../../http.ts'

export default async function caseAgreement(app: FastifyInstance, { database, clock }: AppDeps) {
  const cases = createApiCaseService({ db: database.db, clock })
  const schema = agreementSchema(() => clock.today())

  app.post<{ Params: { reference: string } }>(
    '/api/v1/cases/:reference/agreement',
    { config: apiRoute },
    async (request, reply) => {
      const token = currentToken(request)
      const body = parseBody(schema, request.body)
      const result = await cases.recordAgreement(token, request.params.reference, body)
      if (!result.ok) return refused(reply, result)
      request.log.info({ apiToken: token.id, caseId: result.caseId }, 'API token recorded an agreement')
      return reply.code(201).send(result.answer)
    },
  )
}
