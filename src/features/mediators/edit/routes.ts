// /mediators/:id/edit: a manager or administrator changes a profile. A save made from a page that
// someone else has saved since is refused, showing what they saved, so nothing is overwritten unseen.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { submitForm } from '../../../web/forms.ts'
import { profileEditors } from '../access.ts'
import { refusedPage } from '../page.ts'
import { createPanelPages } from '../page-service.ts'
import { createMediatorService } from '../service.ts'
import { editFormSchema, profileFormValues, savedMessage, validateProfile } from './schema.ts'

const view = 'mediators/edit/view.njk'
type Params = { Params: { id: string } }

export default async function editMediator(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  const service = createMediatorService({ db: database.db, clock })

  app.get<Params>('/mediators/:id/edit', { config: { access: profileEditors } }, async (request, reply) => {
    const page = await pages.editForm(currentUser(request), request.params.id)
    if (!page.ok) return refusedPage(reply, page.code)
    const m = page.mediator
    const values = profileFormValues(m)
    return reply.view(view, { mediator: m, values, items: page.options.items(values), backLink: `/mediators/${m.id}` })
  })

  app.post<Params>('/mediators/:id/edit', { config: { access: profileEditors } }, async (request, reply) => {
    const page = await pages.editForm(currentUser(request), request.params.id)
    if (!page.ok) return refusedPage(reply, page.code)
    const { mediator: m, options } = page
    let theirs: Record<string, unknown> | undefined // what someone else saved first, shown instead of what was typed
    return submitForm(request, reply, {
      parse: (body) => validateProfile(body, clock.today(), options.choices, editFormSchema),
      render: (reply, { values, errors }) => {
        const shown = theirs ?? values
        return reply.view(view, {
          errors,
          mediator: m,
          values: shown,
          items: options.items(shown),
          backLink: `/mediators/${m.id}`,
        })
      },
      field: 'name',
      submit: async (profile) => {
        const saved = await service.update(
          m.id,
          Number((request.body as { version?: unknown }).version),
          profile,
          auditActorOf(request),
        )
        if (!saved.ok) {
          if ('current' in saved) theirs = profileFormValues(saved.current)
          return saved
        }
        request.log.info({ by: request.user?.id, mediator: m.id }, 'mediator profile changed')
        return {
          ok: true,
          redirect: `/mediators/${m.id}`,
          flash: savedMessage(`${profile.name}’s profile has been saved`, profile),
        }
      },
    })
  })
}
