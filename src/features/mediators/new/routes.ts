// /mediators/new: a manager or administrator adds a mediator to the panel.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { fieldError } from '../../../web/forms.ts'
import { profileEditors } from '../access.ts'
import { profileFormOptions } from '../profile-form.ts'
import type { Db } from '../../../db/client.ts'
import { submitOnce } from '../../../web/submission.ts'
import { createMediatorService } from '../service.ts'
import { savedMessage, validateProfile } from './schema.ts'

const view = 'mediators/new/view.njk'

export default async function newMediator(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/mediators/new', { config: { access: profileEditors } }, async (_request, reply) => {
    const options = await profileFormOptions(database.db)
    const values = { workingDays: ['1', '2', '3', '4', '5'], languages: ['English'], active: 'yes' }
    return reply.view(view, { values, items: options.items(values), backLink: '/mediators' })
  })

  app.post('/mediators/new', { config: { access: profileEditors } }, async (request, reply) => {
    const options = await profileFormOptions(database.db)
    const values = (request.body ?? {}) as Record<string, unknown>
    const invalid = (errors: ReturnType<typeof fieldError>) =>
      reply.code(400).view(view, { errors, values, items: options.items(values), backLink: '/mediators' })
    const form = validateProfile(values, clock.today(), options.choices)
    if (!form.ok) return invalid(form.errors)
    // An empty answer means the linked account was taken: the transaction wrote nothing.
    const to = await submitOnce(database.db, clock, values, async (tx) => {
      const saved = await createMediatorService({ db: tx as unknown as Db, clock }).create(form.data)
      if (!saved.ok) return ''
      request.log.info({ by: request.user?.id, mediator: saved.id }, 'mediator added to the panel')
      return `/mediators/${saved.id}`
    })
    if (!to)
      return invalid(
        fieldError('userId', 'That staff account is already linked to another mediator. Choose another account'),
      )
    request.session.flash = savedMessage(`${form.data.name} has been added to the panel`, form.data)
    return reply.redirect(to, 303)
  })
}
