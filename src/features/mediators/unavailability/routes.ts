// /mediators/:id/unavailability/new: dates a mediator cannot work (holidays, training); and
// removing them. The mediator themself, a coordinator or a manager may record them.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { formatDate } from '../../../web/format.ts'
import { parseForm } from '../../../web/forms.ts'
import { mediatorOr404, profileViewers } from '../access.ts'
import type { Db } from '../../../db/client.ts'
import { submitOnce } from '../../../web/submission.ts'
import { createMediatorService } from '../service.ts'
import { removeFormSchema, validateUnavailability } from './schema.ts'

const view = 'mediators/unavailability/view.njk'
type Params = { Params: { id: string } }

export default async function unavailability(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createMediatorService({ db: database.db, clock })

  app.get<Params>(
    '/mediators/:id/unavailability/new',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const m = await mediatorOr404(database.db, request, reply, 'recordUnavailability')
      if (!m) return reply
      return reply.view(view, { mediator: m, values: {}, backLink: `/mediators/${m.id}#unavailable` })
    },
  )

  app.post<Params>(
    '/mediators/:id/unavailability/new',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const m = await mediatorOr404(database.db, request, reply, 'recordUnavailability')
      if (!m) return reply
      const form = validateUnavailability(request.body, clock.today())
      if (!form.ok)
        return reply.code(400).view(view, {
          errors: form.errors,
          mediator: m,
          values: request.body,
          backLink: `/mediators/${m.id}#unavailable`,
        })
      await submitOnce(database.db, clock, request.body, async (tx) => {
        await createMediatorService({ db: tx as unknown as Db, clock }).addUnavailability(m.id, form.data)
        return ''
      })
      request.session.flash = `Unavailable from ${formatDate(form.data.fromDate)} to ${formatDate(form.data.toDate)}`
      return reply.redirect(`/mediators/${m.id}#unavailable`, 303)
    },
  )

  app.post<{ Params: { id: string; entryId: string } }>(
    '/mediators/:id/unavailability/:entryId/remove',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const m = await mediatorOr404(database.db, request, reply, 'recordUnavailability')
      if (!m) return reply
      const form = parseForm(removeFormSchema, request.body)
      if (!form.ok)
        return reply.code(400).view('errors/problem.njk', {
          message: 'The form had information it did not ask for. Go back, reload the page and try again.',
        })
      if (!(await service.removeUnavailability(m.id, request.params.entryId)))
        return reply.code(404).view('errors/not-found.njk')
      request.session.flash = 'Unavailable dates removed'
      return reply.redirect(`/mediators/${m.id}#unavailable`, 303)
    },
  )
}
