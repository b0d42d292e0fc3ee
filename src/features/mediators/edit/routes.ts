// /mediators/:id/edit: a manager or administrator changes a profile. A save made from a page that
// someone else has saved since is refused, showing what they saved, so nothing is overwritten unseen.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { mediatorOr404, profileEditors } from '../access.ts'
import { profileFormOptions } from '../profile-form.ts'
import { findMediator } from '../repository.ts'
import { createMediatorService } from '../service.ts'
import { editFormSchema, profileFormValues, savedMessage, validateProfile } from './schema.ts'

const view = 'mediators/edit/view.njk'
type Params = { Params: { id: string } }

export default async function editMediator(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createMediatorService({ db: database.db, clock })

  app.get<Params>('/mediators/:id/edit', { config: { access: profileEditors } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'editProfile')
    if (!m) return reply
    const options = await profileFormOptions(database.db, m.id)
    const values = profileFormValues(m)
    return reply.view(view, { mediator: m, values, items: options.items(values), backLink: `/mediators/${m.id}` })
  })

  app.post<Params>('/mediators/:id/edit', { config: { access: profileEditors } }, async (request, reply) => {
    const m = await mediatorOr404(database.db, request, reply, 'editProfile')
    if (!m) return reply
    const options = await profileFormOptions(database.db, m.id)
    const values = (request.body ?? {}) as Record<string, unknown>
    const invalid = (errors: FormErrors, shown = values) =>
      reply
        .code(400)
        .view(view, { errors, mediator: m, values: shown, items: options.items(shown), backLink: `/mediators/${m.id}` })
    const form = validateProfile(values, clock.today(), options.choices, editFormSchema)
    if (!form.ok) return invalid(form.errors)
    const saved = await service.update(m.id, Number(values.version), form.data)
    if (!saved.ok && saved.problem === 'account-taken') {
      const text = 'That staff account is already linked to another mediator. Choose another account'
      return invalid({ summary: [{ text, href: '#userId' }], fields: { userId: { text } } })
    }
    if (!saved.ok) {
      const fresh = await findMediator(database.db, m.id)
      if (!fresh) return reply.code(404).view('mediators/not-found.njk')
      const text =
        'Someone else changed this profile while you were editing it. The page now shows their changes: make yours again and save'
      return invalid({ summary: [{ text, href: '#name' }], fields: {} }, profileFormValues(fresh))
    }
    request.log.info({ by: request.user?.id, mediator: m.id }, 'mediator profile changed')
    request.session.flash = savedMessage(`${form.data.name}’s profile has been saved`, form.data)
    return reply.redirect(`/mediators/${m.id}`, 303)
  })
}
