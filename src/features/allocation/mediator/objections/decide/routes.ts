// /cases/:id/mediator/objections/:objectionId: a coordinator upholds an objection (the allocation
// ends and a mediator can be allocated again) or dismisses it, with a reason either way.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { notFound } from '../../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../../web/forms.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../../../cases/index.ts'
import { createObjectionService } from '../../../objection-service.ts'
import { allocators } from '../../../page.ts'
import { createAllocationPages } from '../../../page-service.ts'
import { decisionSchema, objectionDecisions } from '../../../schema.ts'

const view = 'allocation/mediator/objections/decide/view.njk'
type Params = { Params: { id: string; objectionId: string } }
const decisions = Object.entries(objectionDecisions).map(([value, text]) => ({ value, text }))

export default async function decideObjection(app: FastifyInstance, deps: AppDeps) {
  const config = { access: allocators }
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })
  const service = createObjectionService({ db: deps.database.db, clock: deps.clock })

  async function show(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: unknown; errors?: FormErrors } = {},
  ) {
    const page = await pages.decidePage(found, request.params.objectionId, !!extra.errors)
    if (!page) return notFound(request, reply)
    return reply.view(view, {
      ...caseContext(page.caseRow, 'mediator'),
      objection: page.objection,
      allocation: page.allocation,
      decisions,
      values: extra.values ?? {},
      errors: extra.errors,
      version: page.caseRow.version,
    })
  }

  app.get<Params>('/cases/:id/mediator/objections/:objectionId', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return show(request, reply, found)
  })

  app.post<Params>('/cases/:id/mediator/objections/:objectionId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(decisionSchema, body),
      render: (reply, extra) => show(request, reply, found, extra),
      field: 'case-now',
      submit: async (form) => {
        const result = await service.decideObjection(found.id, request.params.objectionId, {
          decision: form.decision,
          reason: form.reason,
          expectedVersion: form.version,
          actor: actorOf(request),
        })
        if (!result.ok) return result
        const flash = form.decision === 'upheld' ? 'Objection upheld: choose another mediator' : 'Objection dismissed'
        return { ok: true, redirect: `/cases/${found.id}/mediator`, flash }
      },
    })
  })
}
