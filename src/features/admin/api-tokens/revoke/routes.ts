// /admin/api-tokens/:id/revoke: confirm, then revoke. A revoked token stops working at once.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm } from '../../../../web/forms.ts'
import { createApiTokenService } from '../../../api/index.ts'
import { adminOnly } from '../../users/routes.ts'
import { revokeSchema } from './schema.ts'

const view = 'admin/api-tokens/revoke/view.njk'

export default async function revokeApiToken(app: FastifyInstance, { database, clock }: AppDeps) {
  const tokens = createApiTokenService(database.db, clock)

  app.get<{ Params: { id: string } }>('/admin/api-tokens/:id/revoke', { config: adminOnly }, async (request, reply) => {
    const found = await tokens.find(request.params.id)
    if (!found) return reply.code(404).view('errors/not-found.njk')
    return reply.view(view, { found, backLink: '/admin/api-tokens' })
  })

  app.post<{ Params: { id: string } }>(
    '/admin/api-tokens/:id/revoke',
    { config: adminOnly },
    async (request, reply) => {
      const found = await tokens.find(request.params.id)
      if (!found) return reply.code(404).view('errors/not-found.njk')
      const form = parseForm(revokeSchema, request.body)
      if (!form.ok) return reply.code(400).view(view, { found, errors: form.errors, backLink: '/admin/api-tokens' })
      const result = await tokens.revoke(found.id)
      request.log.info({ by: request.user?.id, apiToken: found.id }, 'API token revoked')
      request.session.flash = result?.already
        ? `The token ${found.name} was already revoked.`
        : `The token ${found.name} has been revoked. It no longer works.`
      return reply.redirect('/admin/api-tokens', 303)
    },
  )
}
