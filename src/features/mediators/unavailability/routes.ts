// /mediators/:id/unavailability/new: dates a mediator cannot work (holidays, training); and
// removing them. The mediator themself, a coordinator or a manager may record them.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { formatDate } from '../../../web/format.ts'
import { parseForm, submitForm } from '../../../web/forms.ts'
import { profileViewers } from '../access.ts'
import { refusedPage } from '../page.ts'
import { createPanelPages } from '../page-service.ts'
import { createMediatorService } from '../service.ts'
import { removeFormSchema, validateUnavailability } from './schema.ts'

const view = 'mediators/unavailability/view.njk'
type Params = { Params: { id: string } }
const extraFields = 'The form had information it did not ask for. Go back, reload the page and try again.'

export default async function unavailability(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  const service = createMediatorService({ db: database.db, clock })
  const mediatorFor = (request: Parameters<typeof currentUser>[0], id: string) =>
    pages.mediatorFor(currentUser(request), id, 'recordUnavailability')

  app.get<Params>(
    '/mediators/:id/unavailability/new',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const page = await mediatorFor(request, request.params.id)
      if (!page.ok) return refusedPage(reply, page.code)
      const m = page.mediator
      return reply.view(view, { mediator: m, values: {}, backLink: `/mediators/${m.id}#unavailable` })
    },
  )

  app.post<Params>(
    '/mediators/:id/unavailability/new',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const page = await mediatorFor(request, request.params.id)
      if (!page.ok) return refusedPage(reply, page.code)
      const m = page.mediator
      return submitForm(request, reply, {
        parse: (body) => validateUnavailability(body, clock.today()),
        render: (reply, extra) =>
          reply.view(view, { ...extra, mediator: m, backLink: `/mediators/${m.id}#unavailable` }),
        field: 'fromDate',
        submit: async (range) => {
          const added = await service.addUnavailability(m.id, range, auditActorOf(request))
          if (!added.ok) return added
          const flash = `Unavailable from ${formatDate(range.fromDate)} to ${formatDate(range.toDate)}`
          return { ok: true, redirect: `/mediators/${m.id}#unavailable`, flash }
        },
      })
    },
  )

  app.post<{ Params: { id: string; entryId: string } }>(
    '/mediators/:id/unavailability/:entryId/remove',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const page = await mediatorFor(request, request.params.id)
      if (!page.ok) return refusedPage(reply, page.code)
      const m = page.mediator
      // A button with nothing to type: a problem is a page of its own, not a form shown again.
      return submitForm(request, reply, {
        parse: (body) => parseForm(removeFormSchema, body),
        render: (reply) => reply.view('errors/problem.njk', { message: extraFields }),
        field: 'form',
        submit: async () => {
          const removed = await service.removeUnavailability(m.id, request.params.entryId, auditActorOf(request))
          if (!removed.ok) return removed
          return { ok: true, redirect: `/mediators/${m.id}#unavailable`, flash: 'Unavailable dates removed' }
        },
      })
    },
  )
}
