// /cases/:id/agreement/finalise: makes the draft final. Refused until there is at least one point
// (or everyone confirms no agreement was reached) and every party's acceptance of this version is
// recorded, or the mediator says why it is final without one (for example, a party will confirm
// through the portal). Finalising freezes the words, sets the due dates, sends every party a
// copy and records how the mediation ended (finalise-service.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import { outcomeTitles } from '../content.ts'
import { actorOf, agreementAccess, agreementServiceOf, base, caseForChange, caseForView, pageContext } from '../page.ts'
import { finaliseSchema } from './schema.ts'

const view = 'agreements/finalise/view.njk'

export default async function finalisePage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await agreements.picture(found.id)
    const values = extra.values ?? { agreementVersion: data.agreement ? String(data.agreement.version) : '' }
    return reply.view(view, {
      ...pageContext(found, request),
      ...data,
      values,
      errors: extra.errors,
      outcomeText: outcomeTitles[data.concludes],
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
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    const final = `${base(found.id)}/final`
    return submitForm(request, reply, {
      parse: (body) => parseForm(finaliseSchema, body),
      render: (reply, extra) => render(request, reply, found, extra),
      field: 'finalise-summary',
      submit: async (form) => {
        const result = await agreements.finalise(
          found.id,
          {
            agreementVersion: Number(form.agreementVersion),
            noAgreement: form.noAgreement.includes('yes'),
            acceptanceNote: form.acceptanceNote || null,
          },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        if (result.alreadyFinal) return { ok: true, redirect: final, flash: 'The agreement is already final' }
        const parties = result.copies === 1 ? 'party' : 'parties'
        const parts = [`Agreement made final. A copy is queued for ${result.copies} ${parties}.`]
        if (result.unreachable.length)
          parts.push(`No contact details to send a copy to: ${result.unreachable.join(', ')}.`)
        if (!result.concluded)
          parts.push("The case's progress was not changed: record the meeting and its outcome on the Progress tab.")
        return { ok: true, redirect: final, flash: parts.join(' ') }
      },
    })
  })
}
