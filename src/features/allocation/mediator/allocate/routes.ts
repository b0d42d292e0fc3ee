// /cases/:id/mediator/allocate/:mediatorId: the coordinator's choice from the ranked panel, with
// their reason. The POST checks everything again: the case can take a mediator now, nobody is
// allocated, and this mediator is still eligible.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../../cases/index.ts'
import { createAllocateService } from '../../allocate-service.ts'
import { allocators } from '../../page.ts'
import { createAllocationPages } from '../../page-service.ts'
import { allocateSchema } from '../../schema.ts'

const view = 'allocation/mediator/allocate/view.njk'
type Params = { Params: { id: string; mediatorId: string } }

export default async function allocateMediator(app: FastifyInstance, deps: AppDeps) {
  const config = { access: allocators }
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })
  const service = createAllocateService({ db: deps.database.db, clock: deps.clock })

  async function show(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: unknown; errors?: FormErrors } = {},
  ) {
    const page = await pages.allocatePage(found, request.params.mediatorId, !!extra.errors)
    if (!page) return notFound(request, reply)
    return reply.view(view, {
      ...caseContext(page.caseRow, 'mediator'),
      choice: page.choice,
      values: extra.values ?? {},
      errors: extra.errors,
      version: page.caseRow.version,
    })
  }

  app.get<Params>('/cases/:id/mediator/allocate/:mediatorId', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return show(request, reply, found)
  })

  app.post<Params>('/cases/:id/mediator/allocate/:mediatorId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(allocateSchema, body),
      render: (reply, extra) => show(request, reply, found, extra),
      field: 'case-now',
      submit: async (form) => {
        const result = await service.allocate(found, {
          mediatorId: request.params.mediatorId,
          note: form.note,
          expectedVersion: form.version,
          submissionKey: form.submissionKey,
          actor: actorOf(request),
        })
        if (!result.ok) return result
        return { ok: true, redirect: `/cases/${found.id}/mediator`, flash: `${result.mediator} allocated` }
      },
    })
  })
}
