// /mediators/me: a mediator's own profile, wherever it is.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { createPanelPages } from '../page-service.ts'

export default async function me(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  app.get('/mediators/me', { config: { access: 'signed-in' } }, async (request, reply) => {
    const mine = await pages.ownProfileId(currentUser(request).id)
    if (!mine) return reply.code(404).view('mediators/not-found.njk', { noProfile: true })
    return reply.redirect(`/mediators/${mine}`, 303)
  })
}
