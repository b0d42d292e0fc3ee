// /cases/:id/agreement/not-agreed: the issues not agreed, in the parties' words (the agenda's
// unresolved issues are offered), and whether everyone agreed to check-ins when points fall due.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import { actorOf, agreementAccess, agreementServiceOf, base, caseForChange, caseForView, pageContext } from '../page.ts'
import { notAgreedSchema } from './schema.ts'

const view = 'agreements/not-agreed/view.njk'

export default async function notAgreedPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await agreements.picture(found.id)
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
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(notAgreedSchema, body),
      render: (reply, extra) => render(request, reply, found, extra),
      field: 'notAgreed',
      submit: async (form) => {
        const result = await agreements.saveNotAgreed(
          found.id,
          { notAgreed: form.list, checkInsAgreed: form.checkInsAgreed },
          { actor: actorOf(request), agreementVersion: form.version },
        )
        return result.ok ? { ok: true, redirect: base(found.id), flash: 'Saved what was not agreed' } : result
      },
    })
  })
}
