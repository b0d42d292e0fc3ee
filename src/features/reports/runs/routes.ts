// Reports worked out in the background: asking for one (POST /reports/runs, once per form), its
// page (/reports/runs/:id: how far it has got, with a link to look again, then the report), and
// its downloads once it is done. Only the person who asked (or an administrator) sees a run.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import { reportViewers } from '../councils.ts'
import { sendReportPdf, sendTableCsv } from '../download.ts'
import { runForDownload, runPage, startRun } from '../page-service.ts'
import { reportContext } from '../report-context.ts'
import { runForm } from '../schema.ts'

export default async function reportRuns(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  const config = { access: reportViewers }

  app.post('/reports/runs', { config }, async (request, reply) => {
    const form = runForm.safeParse(request.body ?? {})
    // A form out of date, or changed by hand: back to choosing.
    if (!form.success) return reply.redirect('/reports', 303)
    const { council, from, to, submissionKey } = form.data
    const started = await startRun(deps, currentUser(request), { council, period: { from, to } }, submissionKey)
    if (!started.ok) return notFound(request, reply)
    return reply.redirect(`/reports/runs/${started.runId}`, 303)
  })

  app.get<{ Params: { id: string } }>('/reports/runs/:id', { config }, async (request, reply) => {
    const found = await runPage(deps, currentUser(request), request.params.id)
    if (!found.ok) return notFound(request, reply)
    const { run, heading } = found
    const base = `/reports/runs/${run.id}`
    return reply.view('reports/runs/view.njk', {
      ...reportContext(heading, run.report, { csv: (table) => `${base}/csv/${table}`, pdf: `${base}/pdf` }),
      run,
      comments: found.comments,
      changeHref: '/reports',
    })
  })

  app.get<{ Params: { id: string; table: string } }>(
    '/reports/runs/:id/csv/:table',
    { config },
    async (request, reply) => {
      const found = await runForDownload(deps, currentUser(request), request.params.id)
      if (!found.ok || !sendTableCsv(reply, found.heading, found.report, request.params.table))
        return notFound(request, reply)
      return reply
    },
  )

  app.get<{ Params: { id: string } }>('/reports/runs/:id/pdf', { config }, async (request, reply) => {
    const found = await runForDownload(deps, currentUser(request), request.params.id)
    if (!found.ok) return notFound(request, reply)
    return sendReportPdf(reply, clock, found.heading, found.report)
  })
}
