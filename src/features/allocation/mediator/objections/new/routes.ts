// /cases/:id/mediator/objections/new: a party objects to the mediator, with their reason. A
// coordinator decides it on /cases/:id/mediator/objections/:objectionId.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../../web/forms.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../../../cases/index.ts'
import { createObjectionService } from '../../../objection-service.ts'
import { allocators } from '../../../page.ts'
import { createAllocationPages } from '../../../page-service.ts'
import { objectionSchema } from '../../../schema.ts'

const view = 'allocation/mediator/objections/new/view.njk'

export default async function newObjection(app: FastifyInstance, deps: AppDeps) {
  const config = { access: allocators }
  const pages = createAllocationPages({ db: deps.database.db, clock: deps.clock })
  const service = createObjectionService({ db: deps.database.db, clock: deps.clock })

  async function show(reply: FastifyReply, found: CaseRow, extra: { values?: unknown; errors?: FormErrors } = {}) {
    const page = await pages.newObjectionPage(found, !!extra.errors)
    return reply.view(view, {
      ...caseContext(page.caseRow, 'mediator'),
      allocation: page.allocation,
      parties: page.parties,
      values: extra.values ?? {},
      errors: extra.errors,
      version: page.caseRow.version,
    })
  }

  app.get('/cases/:id/mediator/objections/new', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return show(reply, found)
  })

  app.post('/cases/:id/mediator/objections/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(objectionSchema, body),
      render: (reply, extra) => show(reply, found, extra),
      field: 'case-now',
      submit: async (form) => {
        const result = await service.raiseObjection(found.id, {
          allocationId: form.allocationId,
          partyId: form.party,
          reason: form.reason,
          expectedVersion: form.version,
          submissionKey: form.submissionKey,
          actor: actorOf(request),
        })
        if (!result.ok) return result
        return { ok: true, redirect: `/cases/${found.id}/mediator`, flash: 'Objection recorded' }
      },
    })
  })
}
