// /admin/api-tokens/:id/token: a new token, shown once. A reload shows it no more.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { adminOnly } from '../../access.ts'
import { createTokenAdminService } from '../service.ts'
import { takeTokenToShow } from '../shown-once.ts'

export default async function showApiToken(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const tokens = createTokenAdminService(database.db, clock)

  app.get<{ Params: { id: string } }>('/admin/api-tokens/:id/token', { config: adminOnly }, async (request, reply) => {
    const found = await tokens.find(request.params.id)
    if (!found) return notFound(request, reply)
    const token = takeTokenToShow(request, config.SESSION_SECRET, found.id)
    reply.header('cache-control', 'no-store')
    return reply.view('admin/api-tokens/token/view.njk', { found, token })
  })
}
