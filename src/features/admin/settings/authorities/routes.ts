// /admin/settings/authorities/:id: how often everyone on a commissioning authority's cases should
// hear from the service (local_authorities.update_cadence_working_days). Not a change to a case, so
// no case event: it is logged. The update deadlines of that authority's open cases are worked out again.
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Db } from '../../../../db/client.ts'
import { localAuthorities } from '../../../../db/schema/index.ts'
import { currentUser } from '../../../../web/auth.ts'
import { fieldError, parseForm, renderInvalid, type FormErrors } from '../../../../web/forms.ts'
import { adminOnly } from '../../users/routes.ts'
import { recomputeOpenDeadlines } from '../recompute.ts'
import { cadenceFormSchema, cadenceLimits } from './schema.ts'

const view = 'admin/settings/authorities/view.njk'
type Params = { Params: { id: string } }
type Authority = { id: string; name: string; cadence: number }

async function findAuthority(db: Db, id: string): Promise<Authority | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined
  const [row] = await db
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      cadence: localAuthorities.updateCadenceWorkingDays,
    })
    .from(localAuthorities)
    .where(eq(localAuthorities.id, id))
  return row
}

export default async function authorityCadence(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const context = (authority: Authority, values: unknown) => ({
    authority,
    values,
    cadenceLimits,
    backLink: '/admin/settings',
  })
  const notFound = (reply: FastifyReply) => reply.code(404).view('errors/not-found.njk')
  const invalid = (reply: FastifyReply, authority: Authority, errors: FormErrors, values: unknown) =>
    renderInvalid(reply, view, errors, context(authority, values))

  app.get<Params>('/admin/settings/authorities/:id', { config: adminOnly }, async (request, reply) => {
    const authority = await findAuthority(db, request.params.id)
    if (!authority) return notFound(reply)
    return reply.view(
      view,
      context(authority, { updateCadenceWorkingDays: String(authority.cadence), shown: String(authority.cadence) }),
    )
  })

  app.post<Params>('/admin/settings/authorities/:id', { config: adminOnly }, async (request, reply) => {
    const authority = await findAuthority(db, request.params.id)
    if (!authority) return notFound(reply)
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(cadenceFormSchema, body)
    if (!form.ok) return invalid(reply, authority, form.errors, body)
    const cadence = form.data.updateCadenceWorkingDays

    // Only if it is still what the page showed: otherwise someone else changed it meanwhile.
    const updated = await db
      .update(localAuthorities)
      .set({ updateCadenceWorkingDays: cadence })
      .where(
        and(
          eq(localAuthorities.id, authority.id),
          eq(localAuthorities.updateCadenceWorkingDays, Number(form.data.shown)),
        ),
      )
      .returning({ id: localAuthorities.id })
    if (updated.length === 0) {
      const message = `Someone else changed this while you were working on it: it is now every ${authority.cadence} working days. Check the number and save again`
      return invalid(reply, authority, fieldError('updateCadenceWorkingDays', message), {
        ...body,
        shown: String(authority.cadence),
      })
    }

    const userId = currentUser(request).id
    request.log.info(
      { by: userId, localAuthority: authority.id, from: authority.cadence, to: cadence },
      'update cadence changed',
    )
    let flash = `${authority.name}: everyone should now hear from the service at least every ${cadence} working days`
    if (cadence !== authority.cadence) {
      const count = await recomputeOpenDeadlines(db, clock, { localAuthorityId: authority.id })
      flash += `. The deadlines of ${count} ${count === 1 ? 'case' : 'cases'} that are not closed were worked out again`
    }
    request.session.flash = flash
    return reply.redirect('/admin/settings', 303)
  })
}
