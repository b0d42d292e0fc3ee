// /cases/:id/mediator/told/:partyId: record that a party was told who the mediator is. It is an
// update to that person (so it restarts their update clock) whose note names the mediator.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../../cases/index.ts'
import { allocators } from '../../page.ts'
import { createAllocationPages } from '../../page-service.ts'
import { channelOptions, toldSchema } from '../../schema.ts'
import { createToldService } from '../../told-service.ts'

const view = 'allocation/mediator/told/view.njk'
type Params = { Params: { id: string; partyId: string } }

export default async function partyTold(app: FastifyInstance, deps: AppDeps) {
  const config = { access: allocators }
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })
  const service = createToldService({ db: deps.database.db, clock: deps.clock })

  async function show(
    request: FastifyRequest<Params>,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: unknown; errors?: FormErrors } = {},
  ) {
    const page = await pages.toldPage(found, request.params.partyId, !!extra.errors)
    if (!page) return notFound(request, reply)
    return reply.view(view, {
      ...caseContext(page.caseRow, 'mediator'),
      party: page.party,
      allocation: page.allocation,
      told: page.told,
      channels: channelOptions,
      values: extra.values ?? {},
      errors: extra.errors,
      version: page.caseRow.version,
    })
  }

  app.get<Params>('/cases/:id/mediator/told/:partyId', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return show(request, reply, found)
  })

  app.post<Params>('/cases/:id/mediator/told/:partyId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(toldSchema, body),
      render: (reply, extra) => show(request, reply, found, extra),
      field: 'case-now',
      submit: async (form) => {
        const result = await service.recordTold(found.id, {
          allocationId: form.allocationId,
          partyId: request.params.partyId,
          channel: form.channel,
          note: form.note,
          expectedVersion: form.version,
          submissionKey: form.submissionKey,
          actor: actorOf(request),
        })
        if (!result.ok) return result
        return { ok: true, redirect: `/cases/${found.id}/mediator`, flash: 'Recorded that they were told' }
      },
    })
  })
}
