// /cases/export.csv and /cases/export.zip: the case list as it is filtered (the same query string
// as /cases), of the cases this person may see; the zip, for a contract handover, holds the
// cases, their people and their events as three CSV files. Both stream, a page of cases at a
// time. Every download is in the audit trail, with its filters (features/audit/downloads.ts).
import { Readable } from 'node:stream'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { caseListFilter } from '../../cases/index.ts'
import { exporters } from '../access.ts'
import { exportCsv, handoverZip } from './files.ts'

export default async function exportPages(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db

  /** The filter, or back to the list (which says what is wrong) when it cannot be read. */
  async function filterOr(request: FastifyRequest, reply: FastifyReply) {
    const filter = await caseListFilter(db, currentUser(request), request.query)
    if (!filter.errors) return filter
    const query = request.url.split('?')[1]
    void reply.redirect(`/cases${query ? `?${query}` : ''}`, 303)
    return undefined
  }

  app.get('/cases/export.csv', { config: exporters }, async (request, reply) => {
    const filter = await filterOr(request, reply)
    if (!filter) return reply
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="cases-${clock.today()}.csv"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(exportCsv(db, filter.where, 'cases')))
  })

  app.get('/cases/export.zip', { config: exporters }, async (request, reply) => {
    const filter = await filterOr(request, reply)
    if (!filter) return reply
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', `attachment; filename="cases-handover-${clock.today()}.zip"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(handoverZip(db, filter.where)))
  })
}
