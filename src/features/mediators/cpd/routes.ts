// /mediators/:id/cpd/new: the mediator themself, or a manager, logs CPD.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { mediatorOr404, profileViewers } from '../access.ts'
import { createMediatorService } from '../service.ts'
import type { Db } from '../../../db/client.ts'
import { submitOnce } from '../../../web/submission.ts'
import { validateCpd } from './schema.ts'

const view = 'mediators/cpd/view.njk'
type Params = { Params: { id: string } }

export default async function logCpd(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get<Params>('/mediators/:id/cpd/new', { config: { access: profileViewers } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'logCpd')
    if (!m) return reply
    return reply.view(view, { mediator: m, values: {}, backLink: `/mediators/${m.id}#cpd` })
  })

  app.post<Params>('/mediators/:id/cpd/new', { config: { access: profileViewers } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'logCpd')
    if (!m) return reply
    const form = validateCpd(request.body, clock.today())
    if (!form.ok)
      return reply
        .code(400)
        .view(view, { errors: form.errors, mediator: m, values: request.body, backLink: `/mediators/${m.id}#cpd` })
    const to = await submitOnce(database.db, clock, request.body, async (tx) => {
      await createMediatorService({ db: tx as unknown as Db, clock }).addCpd(m.id, form.data)
      return `/mediators/${m.id}#cpd`
    })
    request.session.flash = `${form.data.hours} ${form.data.hours === 1 ? 'hour' : 'hours'} of CPD logged`
    return reply.redirect(to, 303)
  })
}
