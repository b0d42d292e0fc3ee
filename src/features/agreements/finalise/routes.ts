// /cases/:id/agreement/finalise: makes the draft final. Refused until there is at least one point
// (or everyone confirms no agreement was reached) and every party's acceptance of this version is
// recorded, or the mediator says why it is final without one (for example, a party will confirm
// through the portal). Finalising freezes the words, sets the due dates, sends every party a
// copy and records how the mediation ended.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { concludedOutcome } from '../../../domain/agreement-rules.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { outcomeTitles } from '../content.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService } from '../service.ts'
import { loadAgreement } from '../view-model.ts'
import { finaliseSchema } from './schema.ts'

const view = 'agreements/finalise/view.njk'

export default async function finalisePage(app: FastifyInstance, deps: AppDeps) {
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
    const outcome = concludedOutcome({
      points: data.points.length,
      notAgreed: data.notAgreed.length,
      issueOutcomes: Object.values((data.record?.issueOutcomes ?? {}) as Record<string, string>),
    })
    return reply.view(view, {
      ...pageContext(found, request),
      ...data,
      values,
      errors: extra.errors,
      outcomeText: outcomeTitles[outcome],
      notAccepted: data.parties.filter((p) => !p.accepted),
      noAgreementItems: [
        {
          value: 'yes',
          text: 'No agreement was reached',
          checked: ([] as unknown[]).concat(values.noAgreement ?? []).includes('yes'),
        },
      ],
    })
  }

  app.get('/cases/:id/agreement/finalise', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/finalise', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(finaliseSchema, body)
    if (!form.ok) return render(request, reply.code(400), found, { values: body, errors: form.errors })
    const result = await service.finalise(
      found.id,
      {
        agreementVersion: Number(form.data.agreementVersion),
        noAgreement: form.data.noAgreement.includes('yes'),
        acceptanceNote: form.data.acceptanceNote || null,
      },
      { actor: actorOf(request) },
    )
    if (!result.ok) {
      if (result.code === 'final') {
        request.session.flash = 'The agreement is already final'
        return reply.redirect(`${base(found.id)}/final`, 303)
      }
      return render(request, reply.code(statusFor(result.code)), found, {
        values: body,
        errors: problem(result.field ?? 'finalise-summary', result.reason),
      })
    }
    const parts = [
      `Agreement made final. A copy is queued for ${result.copies} ${result.copies === 1 ? 'party' : 'parties'}.`,
    ]
    if (result.unreachable.length) parts.push(`No contact details to send a copy to: ${result.unreachable.join(', ')}.`)
    if (!result.concluded)
      parts.push("The case's progress was not changed: record the meeting and its outcome on the Progress tab.")
    request.session.flash = parts.join(' ')
    return reply.redirect(`${base(found.id)}/final`, 303)
  })
}
