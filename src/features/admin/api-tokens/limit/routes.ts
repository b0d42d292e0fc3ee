// /admin/api-tokens/:id/limit: how many requests a minute a token may make (a council's bulk read
// may need more than the usual 120). A request past the limit gets 429 until the minute is over.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { createTokenAdminService } from '../service.ts'
import { limitSchema } from './schema.ts'

const view = 'admin/api-tokens/limit/view.njk'
type Params = { Params: { id: string } }

export default async function apiTokenLimit(app: FastifyInstance, { database, clock }: AppDeps) {
  const tokens = createTokenAdminService(database.db, clock)

  async function render(request: FastifyRequest<Params>, reply: FastifyReply, values?: unknown, errors?: FormErrors) {
    const found = await tokens.find(request.params.id)
    if (!found) return notFound(request, reply)
    return reply.view(view, {
      found,
      values: values ?? { requestsPerMinute: String(found.requestsPerMinute) },
      errors,
      backLink: '/admin/api-tokens',
    })
  }

  app.get<Params>('/admin/api-tokens/:id/limit', { config: adminOnly }, async (request, reply) =>
    render(request, reply),
  )

  app.post<Params>('/admin/api-tokens/:id/limit', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(limitSchema, body),
      render: (reply, { values, errors }) => render(request, reply, values, errors),
      field: 'requestsPerMinute',
      submit: async ({ shown, requestsPerMinute }) => {
        const saved = await tokens.setLimit(request.params.id, shown, requestsPerMinute, auditActorOf(request))
        if (!saved.ok) return saved
        request.log.info(
          { apiToken: request.params.id, from: saved.from, to: requestsPerMinute },
          'API token limit changed',
        )
        const flash = `The token ${saved.name} may now make ${requestsPerMinute.toLocaleString('en-GB')} requests a minute.`
        return { ok: true, redirect: '/admin/api-tokens', flash }
      },
    }),
  )
}
