// /mediators/me: a mediator's own profile, wherever it is.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { findMediatorByUser } from '../repository.ts'

export default async function me(app: FastifyInstance, { database }: AppDeps) {
  app.get('/mediators/me', { config: { access: 'signed-in' } }, async (request, reply) => {
    const mine = await findMediatorByUser(database.db, currentUser(request).id)
    if (!mine) return reply.code(404).view('mediators/not-found.njk', { noProfile: true })
    return reply.redirect(`/mediators/${mine.id}`, 303)
  })
}
