// /mediators/:id/conflicts/new: a mediator declares a link with an organisation that could be a
// party (a manager may record it for them); and recording that a continuing link has ended.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm } from '../../../web/forms.ts'
import { mediatorOr404, profileViewers } from '../access.ts'
import { conflictLinks, organisationKinds } from '../labels.ts'
import { listLocalAuthorities, type MediatorRow } from '../repository.ts'
import type { Db } from '../../../db/client.ts'
import { submitOnce } from '../../../web/submission.ts'
import { createMediatorService } from '../service.ts'
import { endFormSchema, validateConflict } from './schema.ts'

const view = 'mediators/conflicts/view.njk'
type Params = { Params: { id: string } }

export default async function conflicts(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createMediatorService({ db: database.db, clock })

  async function context(m: MediatorRow, values: Record<string, unknown>) {
    const authorities = await listLocalAuthorities(database.db)
    return {
      mediator: m,
      values,
      authorities,
      items: {
        organisationKind: Object.entries(organisationKinds).map(([value, text]) => ({
          value,
          text,
          checked: values.organisationKind === value,
        })),
        link: Object.entries(conflictLinks).map(([value, text]) => ({ value, text, checked: values.link === value })),
        localAuthorityId: [
          { value: '', text: 'Not known or not in a council area we serve' },
          ...authorities.map((a) => ({ value: a.id, text: a.name, selected: values.localAuthorityId === a.id })),
        ],
      },
      backLink: `/mediators/${m.id}#conflicts`,
    }
  }

  app.get<Params>('/mediators/:id/conflicts/new', { config: { access: profileViewers } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'declareConflicts')
    if (!m) return reply
    return reply.view(view, await context(m, {}))
  })

  app.post<Params>('/mediators/:id/conflicts/new', { config: { access: profileViewers } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'declareConflicts')
    if (!m) return reply
    const values = (request.body ?? {}) as Record<string, unknown>
    const ctx = await context(m, values)
    const form = validateConflict(
      values,
      clock.today(),
      ctx.authorities.map((a) => a.id),
    )
    if (!form.ok) return reply.code(400).view(view, { ...ctx, errors: form.errors })
    await submitOnce(database.db, clock, request.body, async (tx) => {
      await createMediatorService({ db: tx as unknown as Db, clock }).declareConflict(m.id, form.data)
      return ''
    })
    request.log.info({ by: request.user?.id, mediator: m.id }, 'conflict of interest declared')
    request.session.flash = `Conflict of interest with ${form.data.organisationName} declared`
    return reply.redirect(`/mediators/${m.id}#conflicts`, 303)
  })

  app.post<{ Params: { id: string; conflictId: string } }>(
    '/mediators/:id/conflicts/:conflictId/end',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const m = await mediatorOr404(database.db, request, reply, 'declareConflicts')
      if (!m) return reply
      const form = parseForm(endFormSchema, request.body)
      if (!form.ok)
        return reply.code(400).view('errors/problem.njk', {
          message: 'The form had information it did not ask for. Go back, reload the page and try again.',
        })
      if (!(await service.endConflict(m.id, request.params.conflictId)))
        return reply.code(404).view('errors/not-found.njk')
      request.log.info(
        { by: request.user?.id, mediator: m.id, conflict: request.params.conflictId },
        'conflict of interest ended',
      )
      request.session.flash = 'The link has been recorded as ended today'
      return reply.redirect(`/mediators/${m.id}#conflicts`, 303)
    },
  )
}
