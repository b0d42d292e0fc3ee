// /reports/report?council=...&from=...&to=...: the report for a council and period, each figure as
// a chart and a table, worked out in the request when it is small enough (else the offer to work
// it out in the background); each table as CSV, the whole as a PDF.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import { reportViewers } from '../councils.ts'
import { sendReportPdf, sendTableCsv } from '../download.ts'
import { reportForDownload, reportPage } from '../page-service.ts'
import { readReportQuery, reportQueryString } from '../schema.ts'
import { reportContext } from '../report-context.ts'

export default async function councilReport(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  const config = { access: reportViewers }
  const asked = (request: FastifyRequest, reply: FastifyReply) => {
    const query = readReportQuery(request.query)
    if (!query) void reply.redirect('/reports', 303)
    return query
  }

  app.get('/reports/report', { config }, async (request, reply) => {
    const query = asked(request, reply)
    if (!query) return reply
    const found = await reportPage(deps, currentUser(request), query)
    if (!found.ok) return notFound(request, reply)
    const qs = reportQueryString(query.council, query.period)
    const { page } = found
    if (page.kind === 'job') {
      return reply.view('reports/report/job.njk', { ...reportContext(page.heading), runs: page.runs, query })
    }
    return reply.view('reports/report/view.njk', {
      ...reportContext(page.heading, page.report, {
        csv: (table) => `/reports/report/csv/${table}?${qs}`,
        pdf: `/reports/report/pdf?${qs}`,
      }),
      comments: page.comments,
      changeHref: `/reports?${new URLSearchParams({ council: query.council })}`,
    })
  })

  app.get<{ Params: { table: string } }>('/reports/report/csv/:table', { config }, async (request, reply) => {
    const query = asked(request, reply)
    if (!query) return reply
    const found = await reportForDownload(deps, currentUser(request), query)
    if (!found.ok || !sendTableCsv(reply, found.heading, found.report, request.params.table))
      return notFound(request, reply)
    return reply
  })

  app.get('/reports/report/pdf', { config }, async (request, reply) => {
    const query = asked(request, reply)
    if (!query) return reply
    const found = await reportForDownload(deps, currentUser(request), query)
    if (!found.ok) return notFound(request, reply)
    return sendReportPdf(reply, clock, found.heading, found.report)
  })
}
