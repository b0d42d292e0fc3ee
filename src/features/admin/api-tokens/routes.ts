// /admin/api-tokens: the JSON API's tokens, each for one commissioning authority.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adminOnly } from '../access.ts'
import { createTokenAdminService } from './service.ts'

export default async function apiTokens(app: FastifyInstance, { database, clock }: AppDeps) {
  const tokens = createTokenAdminService(database.db, clock)

  app.get('/admin/api-tokens', { config: adminOnly }, async (_request, reply) =>
    reply.view('admin/api-tokens/view.njk', {
      tokens: (await tokens.list()).map((t) => ({
        ...t,
        requestsPerMinuteText: t.requestsPerMinute.toLocaleString('en-GB'),
      })),
    }),
  )
}
