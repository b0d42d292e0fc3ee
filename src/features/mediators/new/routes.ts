// /mediators/new: a manager or administrator adds a mediator to the panel.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { submitForm } from '../../../web/forms.ts'
import { profileEditors } from '../access.ts'
import { createPanelPages } from '../page-service.ts'
import { createMediatorService } from '../service.ts'
import { savedMessage, validateNewProfile } from './schema.ts'

const view = 'mediators/new/view.njk'

export default async function newMediator(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  const service = createMediatorService({ db: database.db, clock })

  app.get('/mediators/new', { config: { access: profileEditors } }, async (_request, reply) => {
    const options = await pages.newProfileForm()
    const values = { workingDays: ['1', '2', '3', '4', '5'], languages: ['English'], active: 'yes' }
    return reply.view(view, { values, items: options.items(values), backLink: '/mediators' })
  })

  app.post('/mediators/new', { config: { access: profileEditors } }, async (request, reply) => {
    const options = await pages.newProfileForm()
    return submitForm(request, reply, {
      parse: (body) => validateNewProfile(body, clock.today(), options.choices),
      render: (reply, { values, errors }) =>
        reply.view(view, { errors, values, items: options.items(values), backLink: '/mediators' }),
      field: 'userId',
      submit: async (profile) => {
        const saved = await service.create(profile, auditActorOf(request))
        if (!saved.ok) return saved
        request.log.info({ by: request.user?.id, mediator: saved.id }, 'mediator added to the panel')
        return {
          ok: true,
          redirect: `/mediators/${saved.id}`,
          flash: savedMessage(`${profile.name} has been added to the panel`, profile),
        }
      },
    })
  })
}
