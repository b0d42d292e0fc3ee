// /admin/users/:id: one staff account. Change its roles, disable or re-enable it, reset its password.
// An administrator cannot lock themself out: no disabling their own account, no removing their
// own administrator role, so there is always an administrator.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { fieldError, parseForm, renderInvalid, type FormErrors } from '../../../../web/forms.ts'
import { describeRoles, roleItems } from '../../roles.ts'
import { keepToShow } from '../one-time-password.ts'
import { adminOnly } from '../routes.ts'
import { createAccountService, type AccountSummary } from '../service.ts'
import { actionSchema, rolesSchema } from './schema.ts'

const view = 'admin/users/account/view.njk'
type Params = { Params: { id: string } }

export default async function account(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  const context = (request: FastifyRequest, found: AccountSummary, chosenRoles: readonly string[] = found.roles) => ({
    account: found,
    rolesText: describeRoles(found.roles),
    roleItems: roleItems(chosenRoles),
    isSelf: found.id === currentUser(request).id,
    backLink: '/admin/users',
  })
  const invalid = (
    request: FastifyRequest,
    reply: FastifyReply,
    found: AccountSummary,
    errors: FormErrors,
    chosenRoles?: readonly string[],
  ) => renderInvalid(reply, view, errors, context(request, found, chosenRoles))
  const notFound = (reply: FastifyReply) => reply.code(404).view('errors/not-found.njk')

  app.get<Params>('/admin/users/:id', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(reply)
    return reply.view(view, context(request, found))
  })

  app.post<Params>('/admin/users/:id/roles', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(reply)
    const body = (request.body ?? {}) as Record<string, unknown>
    const chosen = [body.roles ?? []].flat().map(String)
    const form = parseForm(rolesSchema, body)
    if (!form.ok) return invalid(request, reply, found, form.errors, chosen)
    const self = found.id === currentUser(request).id
    if (self && !form.data.roles.includes('administrator')) {
      const message =
        'You cannot remove your own administrator role, so that the service always has an administrator. Ask another administrator to do it'
      return invalid(request, reply, found, fieldError('roles', message), chosen)
    }
    const outcome = await accounts.setRoles(found.id, form.data.shownRoles, form.data.roles)
    if (outcome === 'stale') {
      const fresh = (await accounts.find(found.id)) ?? found
      const message =
        'Someone else changed this account’s roles while you were looking at it. Check the roles below and save again'
      return invalid(request, reply, fresh, fieldError('roles', message))
    }
    request.log.info({ by: currentUser(request).id, account: found.id, roles: form.data.roles }, 'staff roles changed')
    request.session.flash = `Roles changed for ${found.name}`
    return reply.redirect(`/admin/users/${found.id}`, 303)
  })

  app.post<Params>('/admin/users/:id/disable', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(reply)
    const form = parseForm(actionSchema, request.body)
    if (!form.ok) return invalid(request, reply, found, form.errors)
    if (found.id === currentUser(request).id) {
      const message =
        'You cannot disable your own account, so that you cannot lock yourself out. Ask another administrator to do it'
      return invalid(request, reply, found, fieldError('disable', message))
    }
    await accounts.disable(found.id)
    request.log.info({ by: currentUser(request).id, account: found.id }, 'staff account disabled')
    request.session.flash = `${found.name}’s account is disabled and they have been signed out`
    return reply.redirect(`/admin/users/${found.id}`, 303)
  })

  app.post<Params>('/admin/users/:id/enable', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(reply)
    const form = parseForm(actionSchema, request.body)
    if (!form.ok) return invalid(request, reply, found, form.errors)
    await accounts.enable(found.id)
    request.log.info({ by: currentUser(request).id, account: found.id }, 'staff account enabled')
    request.session.flash = `${found.name}’s account is active again`
    return reply.redirect(`/admin/users/${found.id}`, 303)
  })

  app.post<Params>('/admin/users/:id/reset-password', { config: adminOnly }, async (request, reply) => {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(reply)
    const form = parseForm(actionSchema, request.body)
    if (!form.ok) return invalid(request, reply, found, form.errors)
    if (found.id === currentUser(request).id) {
      const message = 'You cannot reset your own password here. Use ‘Change your password’ instead'
      return invalid(request, reply, found, fieldError('reset-password', message))
    }
    const password = await accounts.resetPassword(found.id)
    request.log.info({ by: currentUser(request).id, account: found.id }, 'staff password reset')
    keepToShow(request, config.SESSION_SECRET, found.id, password)
    return reply.redirect(`/admin/users/${found.id}/one-time-password`, 303)
  })
}
