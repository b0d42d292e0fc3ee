// /cases/:id/preparation/attendees: who comes for each party, who can agree for the council and
// (when it is a party) the health body, and the supporters and advocates.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { asArray, parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { actorOf, caseForView, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { base, pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'
import { createPreparationService } from '../service.ts'
import { attendeeSchema } from './schema.ts'

const view = 'preparation/attendees/view.njk'

export default async function attendeesPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  const service = createPreparationService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const values = extra.values ?? {}
    const about = (asArray(values.about) as unknown[]).map(String)
    return reply.view(view, {
      ...pageContext(found),
      ...(await pages.attendees(found.id)),
      aboutItems: [
        {
          value: 'authority',
          text: 'They can agree on behalf of the party',
          hint: { text: 'Needed for the council, and for the health body when it takes part.' },
          checked: about.includes('authority'),
        },
        { value: 'supporter', text: 'They are a supporter or advocate', checked: about.includes('supporter') },
      ],
      values,
      errors: extra.errors,
    })
  }

  app.get('/cases/:id/preparation/attendees', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/preparation/attendees', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(attendeeSchema, body),
      render: (reply, extra) => render(reply, found, extra),
      field: 'party',
      submit: async (form) => {
        const result = await service.addAttendee(
          found.id,
          {
            partyId: form.party,
            name: form.name,
            role: form.role,
            hasAuthorityToAgree: form.about.includes('authority'),
            isSupporter: form.about.includes('supporter'),
            submissionKey: form.submissionKey,
          },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        return { ok: true, redirect: `${base(found.id)}/attendees`, flash: `${form.name} added` }
      },
    })
  })
}
