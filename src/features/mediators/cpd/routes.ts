// /mediators/:id/cpd/new: the mediator themself, or a manager, logs CPD.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { submitForm } from '../../../web/forms.ts'
import { profileViewers } from '../access.ts'
import { refusedPage } from '../page.ts'
import { createPanelPages } from '../page-service.ts'
import { createMediatorService } from '../service.ts'
import { validateCpd } from './schema.ts'

const view = 'mediators/cpd/view.njk'
type Params = { Params: { id: string } }

export default async function logCpd(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  const service = createMediatorService({ db: database.db, clock })

  app.get<Params>('/mediators/:id/cpd/new', { config: { access: profileViewers } }, async (request, reply) => {
    const page = await pages.mediatorFor(currentUser(request), request.params.id, 'logCpd')
    if (!page.ok) return refusedPage(reply, page.code)
    return reply.view(view, { mediator: page.mediator, values: {}, backLink: `/mediators/${page.mediator.id}#cpd` })
  })

  app.post<Params>('/mediators/:id/cpd/new', { config: { access: profileViewers } }, async (request, reply) => {
    const page = await pages.mediatorFor(currentUser(request), request.params.id, 'logCpd')
    if (!page.ok) return refusedPage(reply, page.code)
    const m = page.mediator
    return submitForm(request, reply, {
      parse: (body) => validateCpd(body, clock.today()),
      render: (reply, extra) => reply.view(view, { ...extra, mediator: m, backLink: `/mediators/${m.id}#cpd` }),
      field: 'activity',
      submit: async (entry) => {
        const logged = await service.addCpd(m.id, entry, auditActorOf(request))
        if (!logged.ok) return logged
        const flash = `${entry.hours} ${entry.hours === 1 ? 'hour' : 'hours'} of CPD logged`
        return { ok: true, redirect: `/mediators/${m.id}#cpd`, flash }
      },
    })
  })
}
