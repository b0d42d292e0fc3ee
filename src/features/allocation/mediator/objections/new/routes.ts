// /cases/:id/mediator/objections/new: a party objects to the mediator, with their reason. A
// coordinator decides it on /cases/:id/mediator/objections/:objectionId.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { currentUser } from '../../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../../web/forms.ts'
import {
  recordAccess,
  caseContext,
  visibleCaseOr404,
  labelOf,
  partyRoles,
  findCase,
  partiesOf,
  type CaseRow,
} from '../../../../cases/index.ts'
import { allocators, notFound, refusalErrors, statusFor } from '../../../page.ts'
import { objectionSchema } from '../../../schema.ts'
import { createAllocationService } from '../../../service.ts'

const view = 'allocation/mediator/objections/new/view.njk'

export default async function newObjection(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: allocators }
  const service = createAllocationService({ db: database.db, clock })

  async function render(reply: FastifyReply, found: CaseRow, extra: { values?: unknown; errors?: FormErrors } = {}) {
    const [allocation, parties] = await Promise.all([
      service.currentAllocation(found.id),
      partiesOf(database.db, found.id),
    ])
    return reply.view(view, {
      ...caseContext(found, 'mediator'),
      allocation,
      parties: parties.map((p) => ({
        value: p.id,
        text: `${p.name || p.organisation || 'Not named'} (${labelOf(partyRoles, p.role)})`,
      })),
      values: extra.values ?? {},
      errors: extra.errors,
      version: found.version,
    })
  }

  app.get('/cases/:id/mediator/objections/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/mediator/objections/new`,
    })
    return render(reply, found)
  })

  app.post('/cases/:id/mediator/objections/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const form = parseForm(objectionSchema, request.body)
    if (!form.ok) return render(reply.code(400), found, { values: request.body, errors: form.errors })
    const user = currentUser(request)
    const result = await service.raiseObjection(found.id, {
      allocationId: form.data.allocationId,
      partyId: form.data.party,
      reason: form.data.reason,
      expectedVersion: form.data.version,
      actor: { userId: user.id, label: user.name },
    })
    if (!result.ok) {
      if (result.code === 'not-found') return notFound(reply)
      const now = (await findCase(database.db, found.id)) ?? found
      return render(reply.code(statusFor(result.code)), now, {
        values: request.body,
        errors: refusalErrors(result.reason),
      })
    }
    request.session.flash = 'Objection recorded'
    return reply.redirect(`/cases/${found.id}/mediator`, 303)
  })
}
