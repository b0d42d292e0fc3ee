// /cases/:id/preparation/contacts: the log of contacts with each party (when, how, who, a note),
// and a form to add one. A meeting cannot be arranged until every party has been contacted.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { readDateInput, parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { contactsOf, preparingParties } from '../repository.ts'
import {
  actorOf,
  base,
  caseForView,
  combineErrors,
  contactMethods,
  dateProblem,
  itemsOf,
  newFormKey,
  pageContext,
  preparationAccess,
  problem,
} from '../page.ts'
import { createPreparationService } from '../service.ts'
import { contactFieldOrder, contactSchema, noteMaxLength } from './schema.ts'

const view = 'preparation/contacts/view.njk'

export default async function partyContacts(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPreparationService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const [parties, contacts] = await Promise.all([preparingParties(db, found.id), contactsOf(db, found.id)])
    const today = deps.clock.today().split('-')
    return reply.view(view, {
      ...pageContext(found),
      parties: parties.map((p) => ({
        ...p,
        contacts: contacts
          .filter((c) => c.partyId === p.id)
          .map((c) => ({ ...c, method: contactMethods[c.method as keyof typeof contactMethods] ?? c.method })),
      })),
      partyItems: parties.map((p) => ({ value: p.id, text: p.label })),
      methodItems: itemsOf(contactMethods),
      noteMaxLength,
      values: extra.values ?? {
        formKey: newFormKey(),
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
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(contactSchema, body)
    const date = readDateInput(body, 'contactedOn', 'the date of the contact')
    const future =
      date.ok && date.value > deps.clock.today()
        ? problem('contactedOn-day', 'The date of the contact must be today or in the past')
        : undefined
    const errors = combineErrors(contactFieldOrder, form.ok ? undefined : form.errors, dateProblem(date), future)
    if (errors || !form.ok || !date.ok) return render(reply.code(400), found, { values: body, errors })

    const result = await service.addContact(
      found.id,
      { partyId: form.data.party, contactedOn: date.value, method: form.data.method, note: form.data.note },
      { actor: actorOf(request), formKey: form.data.formKey },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      return render(reply.code(400), found, { values: body, errors: problem(result.field ?? 'party', result.reason) })
    }
    request.session.flash = 'Contact recorded'
    return reply.redirect(`${base(found.id)}/contacts`, 303)
  })
}
