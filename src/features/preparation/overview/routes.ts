// /cases/:id/preparation: the Preparation tab. For each party: contacted (and when last), their
// issues, their summary, who comes; the voice of the child; whether the summaries are released.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { caseForView } from '../../cases/index.ts'
import { pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'

export default async function preparationOverview(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  app.get('/cases/:id/preparation', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return reply.view('preparation/overview/view.njk', { ...pageContext(found), ...(await pages.overview(found)) })
  })
}
