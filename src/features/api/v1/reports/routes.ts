// GET /api/v1/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD: the token's council's figures for the
// period (at most a year), the same as the report pages, with small numbers suppressed.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { councilSummary, SUPPRESSION_NOTE } from '../../../reports/index.ts'
import { apiRoute, currentToken, invalid, parseBody } from '../../http.ts'
import { summaryQuery } from './schema.ts'

export default async function reportSummary(app: FastifyInstance, { database }: AppDeps) {
  app.get('/api/v1/reports/summary', { config: apiRoute }, async (request, reply) => {
    const parsed = parseBody(summaryQuery, request.query ?? {})
    if (!parsed.ok) return invalid(reply, parsed.fields)
    const token = currentToken(request)
    const { from, to } = parsed.data
    const answer = await councilSummary(database.db, token.localAuthorityId, { from, to })
    if (!answer.ok) return invalid(reply, { [answer.field]: answer.message })
    return reply.send({
      council: { name: token.localAuthorityName },
      from,
      to,
      suppression: SUPPRESSION_NOTE,
      sections: answer.report.sections,
    })
  })
}
