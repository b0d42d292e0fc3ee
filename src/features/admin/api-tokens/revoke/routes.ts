// /admin/api-tokens/:id/revoke: confirm, then revoke. A revoked token stops working at once.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { createTokenAdminService } from '../service.ts'
import { revokeSchema } from './schema.ts'

const view = 'admin/api-tokens/revoke/view.njk'
type Params = { Params: { id: string } }

export default async function revokeApiToken(app: FastifyInstance, { database, clock }: AppDeps) {
  const tokens = createTokenAdminService(database.db, clock)

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, errors?: FormErrors) {
    const found = await tokens.find(request.params.id)
    if (!found) return notFound(request, reply)
    return reply.view(view, { found, errors, backLink: '/admin/api-tokens' })
  }

  app.get<Params>('/admin/api-tokens/:id/revoke', { config: adminOnly }, async (request, reply) =>
    render(request, reply),
  )

  app.post<Params>('/admin/api-tokens/:id/revoke', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(revokeSchema, body),
      render: (reply, { errors }) => render(request, reply, errors),
      field: 'revoke',
      submit: async () => {
        const revoked = await tokens.revoke(request.params.id, auditActorOf(request))
        if (!revoked.ok) return revoked
        request.log.info({ by: currentUser(request).id, apiToken: request.params.id }, 'API token revoked')
        const flash = revoked.already
          ? `The token ${revoked.name} was already revoked.`
          : `The token ${revoked.name} has been revoked. It no longer works.`
        return { ok: true, redirect: '/admin/api-tokens', flash }
      },
    }),
  )
}
