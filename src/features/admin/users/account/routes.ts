// /admin/users/:id: one staff account. Change its roles, disable or re-enable it, reset its password.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Result } from '../../../../domain/result.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type Done, type FormErrors } from '../../../../web/forms.ts'
import { adminOnly } from '../../access.ts'
import { describeRoles, roleItems } from '../../roles.ts'
import { keepToShow } from '../one-time-password.ts'
import { createAccountService, sameRoles, type AccountSummary } from '../service.ts'
import { actionSchema, rolesSchema } from './schema.ts'

const view = 'admin/users/account/view.njk'
type Params = { Params: { id: string } }

const listOf = (value: unknown) => [value ?? []].flat().map(String)

export default async function account(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  const page = (request: FastifyRequest, found: AccountSummary, chosenRoles: readonly string[] = found.roles) => ({
    account: found,
    rolesText: describeRoles(found.roles),
    roleItems: roleItems(chosenRoles),
    isSelf: found.id === currentUser(request).id,
    backLink: '/admin/users',
  })

  /**
   * The account as it is now, with a form's problem. The roles ticked are those typed, unless
   * someone else changed the account's roles since the page was shown: then theirs, to check.
   */
  async function renderWithErrors(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(request, reply)
    const shown = values.shownRoles === undefined ? undefined : listOf(values.shownRoles)
    const chosen = shown && sameRoles(found.roles, shown) ? listOf(values.roles) : found.roles
    return reply.view(view, { ...page(request, found, chosen), errors })
  }

  /** The disable, enable and reset-password buttons: a form with nothing in it but its token. */
  function action(url: string, field: string, run: (request: FastifyRequest<Params>) => Promise<Result<Done>>) {
    app.post<Params>(url, { config: adminOnly }, async (request, reply) =>
      submitForm(request, reply, {
        parse: (body) => parseForm(actionSchema, body),
        render: (reply, { values, errors }) => renderWithErrors(request, reply, values, errors),
        field,
        submit: () => run(request),
      }),
    )
  }

  app.get<Params>('/admin/users/:id', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(request, reply)
    return reply.view(view, page(request, found))
  })

  app.post<Params>('/admin/users/:id/roles', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(rolesSchema, body),
      render: (reply, { values, errors }) => renderWithErrors(request, reply, values, errors),
      field: 'roles',
      submit: async ({ shownRoles, roles }) => {
        const by = currentUser(request).id
        const changed = await accounts.setRoles(request.params.id, { shown: shownRoles, chosen: roles }, by)
        if (!changed.ok) return changed
        request.log.info({ by, account: request.params.id, roles }, 'staff roles changed')
        return { ok: true, redirect: `/admin/users/${request.params.id}`, flash: `Roles changed for ${changed.name}` }
      },
    }),
  )

  action('/admin/users/:id/disable', 'disable', async (request) => {
    const by = currentUser(request).id
    const done = await accounts.disable(request.params.id, by)
    if (!done.ok) return done
    request.log.info({ by, account: request.params.id }, 'staff account disabled')
    const flash = `${done.name}’s account is disabled and they have been signed out`
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash }
  })

  action('/admin/users/:id/enable', 'enable', async (request) => {
    const done = await accounts.enable(request.params.id)
    if (!done.ok) return done
    request.log.info({ by: currentUser(request).id, account: request.params.id }, 'staff account enabled')
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash: `${done.name}’s account is active again` }
  })

  action('/admin/users/:id/reset-password', 'reset-password', async (request) => {
    const by = currentUser(request).id
    const done = await accounts.resetPassword(request.params.id, by)
    if (!done.ok) return done
    request.log.info({ by, account: request.params.id }, 'staff password reset')
    keepToShow(request, config.SESSION_SECRET, request.params.id, done.password)
    return { ok: true, redirect: `/admin/users/${request.params.id}/one-time-password` }
  })
}
