// /cases/:id: the request's facts, the parties, first contact and the scope decision.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { caseContext, caseForView } from '../case-page.ts'
import { overviewPage } from './service.ts'

export default async function caseOverview(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  app.get('/cases/:id', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const page = await overviewPage({ db: database.db, clock }, found, currentUser(request))
    return reply.view('cases/overview/view.njk', { ...caseContext(found, 'overview'), ...page })
  })
}
