// /reports: choose a council and a period (a GET form, so it works without JavaScript and the
// address can be kept); a good choice goes on to the report, a bad one is shown again with its
// problems and what was chosen. Below, the reports worked out in the background, to read again.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { reportViewers } from '../councils.ts'
import { choosePage } from '../page-service.ts'
import { periodLabels, readChoice, reportQueryString } from '../schema.ts'

export default async function chooseReport(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/reports', { config: { access: reportViewers } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const page = await choosePage({ db: database.db, clock }, currentUser(request))
    const asked = Object.keys(query).length > 0
    const choice = asked ? readChoice(query) : undefined
    if (choice?.ok) return reply.redirect(`/reports/report?${reportQueryString(choice.council, choice.period)}`, 303)
    return reply.code(choice ? 400 : 200).view('reports/choose/view.njk', {
      ...page,
      periodLabels,
      values: asked ? query : page.defaults,
      errors: choice && !choice.ok ? choice.errors : undefined,
    })
  })
}
