// /admin/users/:id: one staff account. Change its roles and the councils it works for, disable or
// re-enable it, unlock it after too many failed sign-ins, reset its password or its authenticator
// app. Each change is in the audit trail.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Result } from '../../../../domain/result.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type Done, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { describeRoles, needsCouncils, roleItems } from '../../roles.ts'
import { councilItems, councilsHint } from '../councils.ts'
import { keepToShow } from '../one-time-password.ts'
import { createAccountService, sameRoles, type AccountSummary } from '../service.ts'
import { actionSchema, rolesSchema } from './schema.ts'

const view = 'admin/users/account/view.njk'
type Params = { Params: { id: string } }

const listOf = (value: unknown) => [value ?? []].flat().map(String)

export default async function account(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  /** The account's page: the roles and councils ticked are its own, unless `chosen` says otherwise. */
  async function page(
    request: FastifyRequest,
    found: AccountSummary,
    chosen?: { roles: readonly string[]; councils: readonly string[] },
  ) {
    const [councils, theirs, secondFactor, lockedUntil] = await Promise.all([
      accounts.councils(),
      accounts.councilsOf(found.id),
      accounts.secondFactorOf(found.id),
      accounts.lockedUntil(found),
    ])
    return {
      account: found,
      rolesText: describeRoles(found.roles),
      councilsText: found.roles.includes('administrator')
        ? 'Every council (an administrator sees them all)'
        : needsCouncils(found.roles)
          ? theirs.map((c) => c.name).join(', ') || 'None yet: they see no cases until they have one'
          : 'None needed (a mediator sees the cases they are given)',
      shownCouncils: theirs.map((c) => c.id),
      secondFactor: secondFactor?.confirmedAt ? secondFactor : null,
      lockedUntil,
      roleItems: roleItems(chosen?.roles ?? found.roles),
      councilItems: councilItems(councils, chosen?.councils ?? theirs.map((c) => c.id)),
      councilsHint,
      isSelf: found.id === currentUser(request).id,
      backLink: '/admin/users',
    }
  }

  /**
   * The account as it is now, with a form's problem. The roles and councils ticked are those
   * typed, unless someone else changed the account since the page was shown: then theirs, to check.
   */
  async function renderWithErrors(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    values: Record<string, unknown>,
    errors: FormErrors,
  ) {
    const found = await accounts.find(request.params.id)
    if (!found) return notFound(request, reply)
    const theirs = (await accounts.councilsOf(found.id)).map((c) => c.id)
    const shownRoles = values.shownRoles === undefined ? undefined : listOf(values.shownRoles)
    const unchanged =
      shownRoles && sameRoles(found.roles, shownRoles) && sameRoles(theirs, listOf(values.shownCouncils))
    const chosen = unchanged ? { roles: listOf(values.roles), councils: listOf(values.councils) } : undefined
    return reply.view(view, { ...(await page(request, found, chosen)), errors })
  }

  /** The disable, enable and reset buttons: a form with nothing in it but its token. */
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
    return reply.view(view, await page(request, found))
  })

  app.post<Params>('/admin/users/:id/roles', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(rolesSchema, body),
      render: (reply, { values, errors }) => renderWithErrors(request, reply, values, errors),
      field: 'roles',
      submit: async (access) => {
        const by = auditActorOf(request)
        const changed = await accounts.setAccess(request.params.id, access, by, request.session.sessionId)
        if (!changed.ok) return changed
        request.log.info({ by: by.userId, account: request.params.id, roles: access.roles }, 'staff roles changed')
        const flash = `Roles and councils changed for ${changed.name}`
        return { ok: true, redirect: `/admin/users/${request.params.id}`, flash }
      },
    }),
  )

  action('/admin/users/:id/disable', 'disable', async (request) => {
    const by = auditActorOf(request)
    const done = await accounts.disable(request.params.id, by)
    if (!done.ok) return done
    request.log.info({ by: by.userId, account: request.params.id }, 'staff account disabled')
    const flash = `${done.name}’s account is disabled and they have been signed out`
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash }
  })

  action('/admin/users/:id/unlock', 'unlock', async (request) => {
    const done = await accounts.unlock(request.params.id, auditActorOf(request))
    if (!done.ok) return done
    request.log.info({ by: currentUser(request).id, account: request.params.id }, 'staff account unlocked')
    const flash = `${done.name}’s account is unlocked: they can sign in again now`
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash }
  })

  action('/admin/users/:id/enable', 'enable', async (request) => {
    const done = await accounts.enable(request.params.id, auditActorOf(request))
    if (!done.ok) return done
    request.log.info({ by: currentUser(request).id, account: request.params.id }, 'staff account enabled')
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash: `${done.name}’s account is active again` }
  })

  action('/admin/users/:id/reset-password', 'reset-password', async (request) => {
    const by = auditActorOf(request)
    const done = await accounts.resetPassword(request.params.id, by)
    if (!done.ok) return done
    request.log.info({ by: by.userId, account: request.params.id }, 'staff password reset')
    keepToShow(request, config.SESSION_SECRET, request.params.id, done.password)
    return { ok: true, redirect: `/admin/users/${request.params.id}/one-time-password` }
  })

  action('/admin/users/:id/reset-second-factor', 'reset-second-factor', async (request) => {
    const by = auditActorOf(request)
    const done = await accounts.resetSecondFactor(request.params.id, by)
    if (!done.ok) return done
    request.log.info({ by: by.userId, account: request.params.id }, 'staff second factor reset')
    const flash = `${done.name}’s authenticator app has been reset and they have been signed out. They will set up a new one when they next sign in`
    return { ok: true, redirect: `/admin/users/${request.params.id}`, flash }
  })
}
