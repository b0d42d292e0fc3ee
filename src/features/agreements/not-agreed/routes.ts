// /cases/:id/agreement/not-agreed: the issues not agreed, in the parties' words (the agenda's
// unresolved issues are offered), and whether everyone agreed to check-ins when points fall due.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService } from '../service.ts'
import { loadAgreement } from '../view-model.ts'
import { notAgreedSchema } from './schema.ts'

const view = 'agreements/not-agreed/view.njk'

export default async function notAgreedPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createAgreementService({ db, clock: deps.clock })

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await loadAgreement(db, deps.clock, found.id)
    const saved = data.notAgreed.length ? data.notAgreed : data.notAgreedFromAgenda.map((i) => i.text)
    const values = extra.values ?? {
      agreementVersion: data.agreement ? String(data.agreement.version) : '',
      notAgreed: saved.join('\n'),
      checkIns: data.agreement?.checkInsAgreed ? ['yes'] : [],
    }
    return reply.view(view, {
      ...pageContext(found, request),
      final: data.agreement?.status === 'final',
      fromAgenda: data.notAgreedFromAgenda,
      values,
      errors: extra.errors,
      checkInItems: [
        {
          value: 'yes',
          text: 'Everyone agreed to a check-in when each point falls due',
          checked: ([] as unknown[]).concat(values.checkIns ?? []).includes('yes'),
          hint: { text: 'We then ask the person responsible and the parent or young person whether it was done.' },
        },
      ],
    })
  }

  app.get('/cases/:id/agreement/not-agreed', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/not-agreed', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(notAgreedSchema, body)
    if (!form.ok) return render(request, reply.code(400), found, { values: body, errors: form.errors })
    const result = await service.saveNotAgreed(
      found.id,
      { notAgreed: form.data.list, checkInsAgreed: form.data.checkInsAgreed },
      { actor: actorOf(request), agreementVersion: form.data.version },
    )
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, {
        values: body,
        errors: problem(result.field ?? 'notAgreed', result.reason),
      })
    request.session.flash = 'Saved what was not agreed'
    return reply.redirect(base(found.id), 303)
  })
}
