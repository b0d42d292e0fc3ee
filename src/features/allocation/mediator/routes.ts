// /cases/:id/mediator: who mediates the case, why they were chosen, who has been told, and any
// objections; with no mediator allocated, the panel ranked and explained for a coordinator to choose.
// A mediator sees this tab for their own case, read-only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { caseContext, caseForView } from '../../cases/index.ts'
import { allocators } from '../page.ts'
import { createAllocationPages } from '../page-service.ts'

export default async function mediatorTab(app: FastifyInstance, deps: AppDeps) {
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })

  app.get('/cases/:id/mediator', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const canChange = hasRole(currentUser(request), ...allocators)
    const page = await pages.mediatorTab(found, canChange)
    return reply.view('allocation/mediator/view.njk', {
      ...caseContext(found, 'mediator'),
      ...page,
      canChange,
      version: found.version,
    })
  })
}
