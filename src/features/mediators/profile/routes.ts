// /mediators/:id: one mediator's profile, standing, CPD log, unavailable dates and declared
// conflicts. Staff who run the panel see anyone's; a mediator sees only their own.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { panelViewers, profileViewers } from '../access.ts'
import { refusedPage } from '../page.ts'
import { createPanelPages } from '../page-service.ts'
import { summaryRows } from './summary-rows.ts'

const view = 'mediators/profile/view.njk'
type Params = { Params: { id: string } }

export default async function profile(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })

  app.get<Params>('/mediators/:id', { config: { access: profileViewers } }, async (request, reply) => {
    const user = currentUser(request)
    const page = await pages.profile(user, request.params.id)
    if (!page.ok) return refusedPage(reply, page.code)
    return reply.view(view, {
      ...page,
      summaryRows: summaryRows(page.mediator, page.named),
      backLink: hasRole(user, ...panelViewers) ? '/mediators' : undefined,
    })
  })
}
