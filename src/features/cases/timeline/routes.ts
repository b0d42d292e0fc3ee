// /cases/:id/timeline: everything that happened to the case, newest first, from its events.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { caseContext, caseForView } from '../case-page.ts'
import { timelinePage } from './service.ts'

export default async function caseTimeline(app: FastifyInstance, deps: AppDeps) {
  app.get('/cases/:id/timeline', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const page = await timelinePage(deps.database.db, found.id)
    return reply.view('cases/timeline/view.njk', { ...caseContext(found, 'timeline'), ...page })
  })
}
