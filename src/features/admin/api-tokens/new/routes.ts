// /admin/api-tokens/new: issue a token for one council. It is shown once, on the next page.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { DEFAULT_REQUESTS_PER_MINUTE } from '../requests-per-minute.ts'
import { createTokenAdminService } from '../service.ts'
import { keepTokenToShow } from '../shown-once.ts'
import { newTokenSchema } from './schema.ts'

const view = 'admin/api-tokens/new/view.njk'

export default async function newApiToken(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const tokens = createTokenAdminService(database.db, clock)

  async function render(reply: FastifyReply, values: Record<string, unknown> = {}, errors?: FormErrors) {
    const councils = await tokens.councils()
    return reply.view(view, {
      values,
      errors,
      authorityItems: [
        { value: '', text: 'Choose a council' },
        ...councils.map((a) => ({ value: a.code, text: a.name, selected: a.code === values.authority })),
      ],
      backLink: '/admin/api-tokens',
    })
  }

  app.get('/admin/api-tokens/new', { config: adminOnly }, async (_request, reply) =>
    render(reply, { requestsPerMinute: String(DEFAULT_REQUESTS_PER_MINUTE) }),
  )

  app.post('/admin/api-tokens/new', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(newTokenSchema, body),
      render: (reply, { values, errors }) => render(reply, values, errors),
      field: 'authority',
      submit: async ({ submissionKey, name, authority, requestsPerMinute }) => {
        const user = currentUser(request)
        const made = await tokens.issue(
          { name, authority, requestsPerMinute, createdBy: user.email, submissionKey },
          auditActorOf(request),
        )
        if (!made.ok) return made
        // A repeat of the form (a double click, a retry) goes to the token it already made.
        if (made.token !== undefined) {
          request.log.info({ by: user.id, apiToken: made.id }, 'API token issued')
          keepTokenToShow(request, config.SESSION_SECRET, made.id, made.token)
        }
        return { ok: true, redirect: `/admin/api-tokens/${made.id}/token` }
      },
    }),
  )
}
