// /cases/:id/agreement/review: the whole draft, as everyone reviews it before it is final, and
// each party's acceptance of it at the meeting (parties may also accept it through the portal).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import {
  actorOf,
  agreementAccess,
  agreementServiceOf,
  base,
  caseForChange,
  caseForView,
  pageContext,
  partyChoice,
} from '../page.ts'
import { acceptanceSchema } from './schema.ts'

const view = 'agreements/review/view.njk'

export default async function reviewPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await agreements.picture(found.id)
    const values = extra.values ?? { agreementVersion: data.agreement ? String(data.agreement.version) : '' }
    const ticked = ([] as unknown[]).concat(values.parties ?? [])
    return reply.view(view, {
      ...pageContext(found, request),
      ...data,
      values,
      errors: extra.errors,
      partyItems: data.parties.filter((p) => !p.accepted).map((p) => partyChoice(p, ticked.includes(p.id))),
    })
  }

  app.get('/cases/:id/agreement/review', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/review', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(acceptanceSchema, body),
      render: (reply, extra) => render(request, reply, found, extra),
      field: 'parties',
      submit: async ({ parties, agreementVersion }) => {
        const result = await agreements.acceptAtMeeting(
          found.id,
          { partyIds: parties, agreementVersion: Number(agreementVersion) },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        const which = parties.length === 1 ? 'party' : 'parties'
        return {
          ok: true,
          redirect: `${base(found.id)}/review`,
          flash: `Acceptance recorded for ${parties.length} ${which}`,
        }
      },
    })
  })
}
