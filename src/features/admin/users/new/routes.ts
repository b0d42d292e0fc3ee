// /admin/users/new: add a staff account. It gets a one-time password, shown once on the next page.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { fieldError, parseForm, renderInvalid } from '../../../../web/forms.ts'
import { roleItems } from '../../roles.ts'
import { keepToShow, madeBy } from '../one-time-password.ts'
import { adminOnly } from '../routes.ts'
import { createAccountService } from '../service.ts'
import { newUserSchema } from './schema.ts'

const view = 'admin/users/new/view.njk'

export default async function newUser(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)
  const page = (values: Record<string, unknown>) => {
    const chosen = [values.roles ?? []].flat().map(String)
    return { values, roleItems: roleItems(chosen), backLink: '/admin/users' }
  }

  app.get('/admin/users/new', { config: adminOnly }, async (_request, reply) =>
    reply.view(view, page({ submissionKey: randomUUID() })),
  )

  app.post('/admin/users/new', { config: adminOnly }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(newUserSchema, body)
    if (!form.ok) return renderInvalid(reply, view, form.errors, page(body))
    const { submissionKey, name, email, roles } = form.data

    // The same form sent twice (a double click, a retry): show the account it already made.
    const already = madeBy(request, submissionKey, email)
    if (already) return reply.redirect(`/admin/users/${already}/one-time-password`, 303)

    const result = await accounts.create({ name, email, roles })
    if (!result.ok) {
      const errors = fieldError(
        'email',
        'There is already a staff account with this email address. Enter a different email address',
      )
      return renderInvalid(reply, view, errors, page(body))
    }
    request.log.info({ by: request.user?.id, account: result.id }, 'staff account added')
    keepToShow(request, config.SESSION_SECRET, result.id, result.password, { submissionKey, email })
    return reply.redirect(`/admin/users/${result.id}/one-time-password`, 303)
  })
}
