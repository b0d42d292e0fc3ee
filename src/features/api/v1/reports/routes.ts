// GET /api/v1/reports/summary?from=YYYY-MM-DD&to=YYYY-MM-DD: the token's council's figures for the
// period (at most a year), the same as the report pages, with small numbers suppressed. Every
// suppressed figure is sent as { "count": null, "suppressed": true }, whatever hid it: the pages'
// "fewer than 5" is not part of the API's contract.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import type { SafeReport } from '../../../../domain/report-safe.ts'
import type { Figure } from '../../../../domain/report-suppression.ts'
import { councilSummary } from '../../../reports/index.ts'
import { apiRoute, currentToken, invalid, parseBody } from '../../http.ts'
import { summaryQuery } from './schema.ts'

/** The API's note on suppression: its figures do not say which are from 1 to 4. */
const SUPPRESSION_NOTE =
  'To protect the people counted, a number from 1 to 4 is not given. Nor is the next smallest number in its row or column (or a total) where the totals would let someone work out a number like that. Each is sent as { "count": null, "suppressed": true }.'

const plain = (f: Figure): Figure => (f.suppressed ? { count: null, suppressed: true } : f)
const maybe = (f: Figure | undefined) => (f ? { total: plain(f) } : {})

/** The report's sections with each suppressed figure as the API gives it. */
const sectionsOf = (report: SafeReport) =>
  report.sections.map((section) => ({
    ...section,
    tables: section.tables.map((table) => ({
      ...table,
      rows: table.rows.map((row) => ({ ...row, cells: row.cells.map(plain), ...maybe(row.total) })),
      ...(table.totals ? { totals: { cells: table.totals.cells.map(plain), ...maybe(table.totals.total) } } : {}),
    })),
  }))

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
      sections: sectionsOf(answer.report),
    })
  })
}
