// /cases/:id/mediator: who mediates the case, why they were chosen, who has been told, and any
// objections; with no mediator allocated, the panel ranked and explained for a coordinator to choose.
// A mediator sees this tab for their own case, read-only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { caseContext, caseForView, whatComesFirst } from '../../cases/index.ts'
import { allocators } from '../page.ts'
import { createAllocationPages } from '../page-service.ts'

export default async function mediatorTab(app: FastifyInstance, deps: AppDeps) {
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })

  app.get('/cases/:id/mediator', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const canChange = hasRole(currentUser(request), ...allocators)
    const page = await pages.mediatorTab(found, canChange)
    // Before the case can take a mediator, the panel says what comes first, with a link to it.
    const notYet =
      canChange && !page.allocation ? await whatComesFirst(deps.database.db, found.id, 'allocate-mediator') : undefined
    return reply.view('allocation/mediator/view.njk', {
      ...caseContext(found, 'mediator'),
      ...page,
      notYet,
      canChange,
      version: found.version,
    })
  })
}
