// /cases/:id/agreement/review: the whole draft, as everyone reviews it before it is final, and
// each party's acceptance of it at the meeting (parties may also accept it through the portal).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService } from '../service.ts'
import { loadAgreement } from '../view-model.ts'
import { acceptanceSchema } from './schema.ts'

const view = 'agreements/review/view.njk'

export default async function reviewPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createAgreementService({ db, clock: deps.clock })

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await loadAgreement(db, deps.clock, found.id)
    const values = extra.values ?? { agreementVersion: data.agreement ? String(data.agreement.version) : '' }
    const ticked = ([] as unknown[]).concat(values.parties ?? [])
    return reply.view(view, {
      ...pageContext(found, request),
      ...data,
      values,
      errors: extra.errors,
      partyItems: data.parties
        .filter((p) => !p.accepted)
        .map((p) => ({
          value: p.id,
          text: p.label.charAt(0).toUpperCase() + p.label.slice(1),
          checked: ticked.includes(p.id),
        })),
    })
  }

  app.get('/cases/:id/agreement/review', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/review', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(acceptanceSchema, body)
    if (!form.ok) return render(request, reply.code(400), found, { values: body, errors: form.errors })
    const result = await service.acceptAtMeeting(
      found.id,
      { partyIds: form.data.parties, agreementVersion: Number(form.data.agreementVersion) },
      { actor: actorOf(request) },
    )
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, {
        values: body,
        errors: problem('parties', result.reason),
      })
    request.session.flash = `Acceptance recorded for ${form.data.parties.length} ${form.data.parties.length === 1 ? 'party' : 'parties'}`
    return reply.redirect(`${base(found.id)}/review`, 303)
  })
}
