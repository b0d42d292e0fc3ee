// /mediators/:id/conflicts/new: a mediator declares a link with an organisation that could be a
// party (a manager may record it for them); and recording that a continuing link has ended.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm, submitForm } from '../../../web/forms.ts'
import { profileViewers } from '../access.ts'
import { conflictLinks, organisationKinds } from '../labels.ts'
import { refusedPage } from '../page.ts'
import { createPanelPages } from '../page-service.ts'
import { createMediatorService } from '../service.ts'
import type { LocalAuthorityOption, MediatorRow } from '../types.ts'
import { endFormSchema, validateConflict } from './schema.ts'

const view = 'mediators/conflicts/view.njk'
type Params = { Params: { id: string } }
const extraFields = 'The form had information it did not ask for. Go back, reload the page and try again.'

function context(m: MediatorRow, authorities: LocalAuthorityOption[], values: Record<string, unknown>) {
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

export default async function conflicts(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })
  const service = createMediatorService({ db: database.db, clock })

  app.get<Params>('/mediators/:id/conflicts/new', { config: { access: profileViewers } }, async (request, reply) => {
    const page = await pages.conflictForm(currentUser(request), request.params.id)
    if (!page.ok) return refusedPage(reply, page.code)
    return reply.view(view, context(page.mediator, page.authorities, {}))
  })

  app.post<Params>('/mediators/:id/conflicts/new', { config: { access: profileViewers } }, async (request, reply) => {
    const page = await pages.conflictForm(currentUser(request), request.params.id)
    if (!page.ok) return refusedPage(reply, page.code)
    const { mediator: m, authorities } = page
    return submitForm(request, reply, {
      parse: (body) =>
        validateConflict(
          body,
          clock.today(),
          authorities.map((a) => a.id),
        ),
      render: (reply, { values, errors }) => reply.view(view, { ...context(m, authorities, values), errors }),
      field: 'organisationName',
      submit: async (conflict) => {
        const declared = await service.declareConflict(m.id, conflict, auditActorOf(request))
        if (!declared.ok) return declared
        request.log.info({ by: request.user?.id, mediator: m.id }, 'conflict of interest declared')
        const flash = `Conflict of interest with ${conflict.organisationName} declared`
        return { ok: true, redirect: `/mediators/${m.id}#conflicts`, flash }
      },
    })
  })

  app.post<{ Params: { id: string; conflictId: string } }>(
    '/mediators/:id/conflicts/:conflictId/end',
    { config: { access: profileViewers } },
    async (request, reply) => {
      const page = await pages.mediatorFor(currentUser(request), request.params.id, 'declareConflicts')
      if (!page.ok) return refusedPage(reply, page.code)
      const m = page.mediator
      const { conflictId } = request.params
      // A button with nothing to type: a problem is a page of its own, not a form shown again.
      return submitForm(request, reply, {
        parse: (body) => parseForm(endFormSchema, body),
        render: (reply) => reply.view('errors/problem.njk', { message: extraFields }),
        field: 'form',
        submit: async () => {
          const ended = await service.endConflict(m.id, conflictId, auditActorOf(request))
          if (!ended.ok) return ended
          request.log.info({ by: request.user?.id, mediator: m.id, conflict: conflictId }, 'conflict of interest ended')
          return {
            ok: true,
            redirect: `/mediators/${m.id}#conflicts`,
            flash: 'The link has been recorded as ended today',
          }
        },
      })
    },
  )
}
