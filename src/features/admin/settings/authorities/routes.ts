// /admin/settings/authorities/:id: how often everyone on a commissioning authority's cases should
// hear from the service (local_authorities.update_cadence_working_days). Not a change to a case, so
// no case event: it is logged. The update deadlines of that authority's open cases are worked out again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { adminOnly } from '../../access.ts'
import { casesText } from '../names.ts'
import { createSettingsAdminService } from '../service.ts'
import { cadenceFormSchema, cadenceLimits } from './schema.ts'

const view = 'admin/settings/authorities/view.njk'
type Params = { Params: { id: string } }

export default async function authorityCadence(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createSettingsAdminService(database.db, clock)

  /** The cadence as it is now; `refreshShown` when the form must go on from it (after a refusal). */
  async function render(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    typed?: { values: Record<string, unknown>; errors: FormErrors; refreshShown: boolean },
  ) {
    const authority = await service.authority(request.params.id)
    if (!authority) return notFound(request, reply)
    const now = String(authority.cadence)
    const values = typed
      ? { ...typed.values, ...(typed.refreshShown ? { shown: now } : {}) }
      : { updateCadenceWorkingDays: now, shown: now }
    return reply.view(view, { authority, values, errors: typed?.errors, cadenceLimits, backLink: '/admin/settings' })
  }

  app.get<Params>('/admin/settings/authorities/:id', { config: adminOnly }, async (request, reply) =>
    render(request, reply),
  )

  app.post<Params>('/admin/settings/authorities/:id', { config: adminOnly }, async (request, reply) => {
    // A refusal means someone else changed the cadence: the next save starts from theirs.
    let refused = false
    return submitForm(request, reply, {
      parse: (body) => parseForm(cadenceFormSchema, body),
      render: (reply, { values, errors }) => render(request, reply, { values, errors, refreshShown: refused }),
      field: 'updateCadenceWorkingDays',
      submit: async ({ shown, updateCadenceWorkingDays: cadence }) => {
        const saved = await service.setCadence(request.params.id, Number(shown), cadence)
        if (!saved.ok) {
          refused = true
          return saved
        }
        const userId = currentUser(request).id
        const log = { by: userId, localAuthority: request.params.id, from: saved.from, to: cadence }
        request.log.info(log, 'update cadence changed')
        const flash = `${saved.name}: everyone should now hear from the service at least every ${cadence} working days`
        const recomputed = saved.recomputed === undefined ? '' : `. ${casesText(saved.recomputed)}`
        return { ok: true, redirect: '/admin/settings', flash: flash + recomputed }
      },
    })
  })
}
