// /cases/:id/preparation/contacts: the log of contacts with each party (when, how, who, a note),
// and a form to add one. A meeting cannot be arranged until every party has been contacted.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import {
  combineErrors,
  dateProblem,
  fieldError,
  itemsOf,
  parseForm,
  readDateInput,
  submitForm,
  type FormErrors,
} from '../../../web/forms.ts'
import { actorOf, caseForView, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { contactMethods } from '../labels.ts'
import { base, pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'
import { createPreparationService } from '../service.ts'
import { contactFieldOrder, contactSchema, noteMaxLength } from './schema.ts'

const view = 'preparation/contacts/view.njk'

export default async function partyContacts(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  const service = createPreparationService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const today = deps.clock.today().split('-')
    return reply.view(view, {
      ...pageContext(found),
      ...(await pages.contacts(found.id)),
      methodItems: itemsOf(contactMethods),
      noteMaxLength,
      values: extra.values ?? {
        'contactedOn-day': String(Number(today[2])),
        'contactedOn-month': String(Number(today[1])),
        'contactedOn-year': today[0],
      },
      errors: extra.errors,
    })
  }

  app.get('/cases/:id/preparation/contacts', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/preparation/contacts', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => {
        const form = parseForm(contactSchema, body)
        const date = readDateInput(body, 'contactedOn', 'the date of the contact')
        const future =
          date.ok && date.value > deps.clock.today()
            ? fieldError('contactedOn-day', 'The date of the contact must be today or in the past')
            : undefined
        const errors = combineErrors(contactFieldOrder, form.ok ? undefined : form.errors, dateProblem(date), future)
        if (errors || !form.ok || !date.ok) return { ok: false, errors: errors! }
        return { ok: true, data: { ...form.data, contactedOn: date.value } }
      },
      render: (reply, extra) => render(reply, found, extra),
      field: 'party',
      submit: async (form) => {
        const result = await service.addContact(
          found.id,
          {
            partyId: form.party,
            contactedOn: form.contactedOn,
            method: form.method,
            note: form.note,
            submissionKey: form.submissionKey,
          },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        return { ok: true, redirect: `${base(found.id)}/contacts`, flash: 'Contact recorded' }
      },
    })
  })
}
