// /admin/users/new: add a staff account. It gets a one-time password, shown once on the next page.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { roleItems } from '../../roles.ts'
import { councilItems, councilsHint } from '../councils.ts'
import { keepToShow } from '../one-time-password.ts'
import { createAccountService } from '../service.ts'
import { newUserSchema } from './schema.ts'

const view = 'admin/users/new/view.njk'

export default async function newUser(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  async function render(reply: FastifyReply, values: Record<string, unknown> = {}, errors?: FormErrors) {
    const chosen = [values.roles ?? []].flat().map(String)
    return reply.view(view, {
      values,
      errors,
      roleItems: roleItems(chosen),
      councilItems: councilItems(await accounts.councils(), values.councils),
      councilsHint,
      backLink: '/admin/users',
    })
  }

  app.get('/admin/users/new', { config: adminOnly }, async (_request, reply) => render(reply))

  app.post('/admin/users/new', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(newUserSchema, body),
      render: (reply, { values, errors }) => render(reply, values, errors),
      field: 'email',
      submit: async (data) => {
        const made = await accounts.create(data, auditActorOf(request))
        if (!made.ok) return made
        const to = `/admin/users/${made.id}/one-time-password`
        // A repeat of the form (a double click, a retry) has no password: it was shown, or is waiting.
        if (made.password === undefined) return { ok: true, redirect: to }
        request.log.info({ by: currentUser(request).id, account: made.id }, 'staff account added')
        keepToShow(request, config.SESSION_SECRET, made.id, made.password)
        return { ok: true, redirect: to }
      },
    }),
  )
}
