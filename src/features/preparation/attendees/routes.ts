// /cases/:id/preparation/attendees: who comes for each party, who can agree for the council and
// (when it is a party) the health body, and the supporters and advocates.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { attendeesOf, preparingParties } from '../repository.ts'
import { actorOf, base, caseForView, newFormKey, pageContext, preparationAccess, problem } from '../page.ts'
import { createPreparationService } from '../service.ts'
import { attendeeSchema } from './schema.ts'

const view = 'preparation/attendees/view.njk'

/** The warnings until someone with authority to agree is named for the council and the health body. */
export function authorityWarnings(
  parties: { id: string; role: string }[],
  people: { partyId: string; hasAuthorityToAgree: boolean }[],
): string[] {
  const named = (role: string) =>
    people.some((a) => a.hasAuthorityToAgree && parties.some((p) => p.id === a.partyId && p.role === role))
  const warnings: string[] = []
  if (!named('local-authority')) warnings.push('No one with authority to agree named for the council')
  if (parties.some((p) => p.role === 'health') && !named('health'))
    warnings.push('No one with authority to agree named for the health body')
  return warnings
}

export default async function attendeesPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPreparationService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const [parties, people] = await Promise.all([preparingParties(db, found.id), attendeesOf(db, found.id)])
    const values = extra.values ?? { formKey: newFormKey() }
    const about = ([] as unknown[]).concat(values.about ?? [])
    return reply.view(view, {
      ...pageContext(found),
      parties: parties.map((p) => ({ ...p, attendees: people.filter((a) => a.partyId === p.id) })),
      warnings: authorityWarnings(parties, people),
      partyItems: parties.map((p) => ({ value: p.id, text: p.label })),
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
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(attendeeSchema, body)
    if (!form.ok) return render(reply.code(400), found, { values: body, errors: form.errors })
    const result = await service.addAttendee(
      found.id,
      {
        partyId: form.data.party,
        name: form.data.name,
        role: form.data.role,
        hasAuthorityToAgree: form.data.about.includes('authority'),
        isSupporter: form.data.about.includes('supporter'),
      },
      { actor: actorOf(request), formKey: form.data.formKey },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      return render(reply.code(400), found, { values: body, errors: problem(result.field ?? 'party', result.reason) })
    }
    request.session.flash = `${form.data.name} added`
    return reply.redirect(`${base(found.id)}/attendees`, 303)
  })
}
