// /cases/:id/mediator/objections/:objectionId: a coordinator upholds an objection (the allocation
// ends and a mediator can be allocated again) or dismisses it, with a reason either way.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { currentUser } from '../../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../../web/forms.ts'
import { recordAccess, caseContext, visibleCaseOr404, findCase, type CaseRow } from '../../../../cases/index.ts'
import { allocators, idParam, notFound, refusalErrors, statusFor } from '../../../page.ts'
import { decisionSchema, objectionDecisions } from '../../../schema.ts'
import { createAllocationService } from '../../../service.ts'

const view = 'allocation/mediator/objections/decide/view.njk'

export default async function decideObjection(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: allocators }
  const service = createAllocationService({ db: database.db, clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    objectionId: string | undefined,
    extra: { values?: unknown; errors?: FormErrors } = {},
  ) {
    const objection = objectionId ? await service.findObjection(found.id, objectionId) : undefined
    if (!objection) return notFound(reply)
    return reply.view(view, {
      ...caseContext(found, 'mediator'),
      objection: {
        ...objection.objection,
        partyName: objection.partyName || objection.partyOrganisation || 'Not named',
      },
      allocation: await service.currentAllocation(found.id),
      decisions: Object.entries(objectionDecisions).map(([value, text]) => ({ value, text })),
      values: extra.values ?? {},
      errors: extra.errors,
      version: found.version,
    })
  }

  app.get('/cases/:id/mediator/objections/:objectionId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/mediator/objections`,
    })
    return render(reply, found, idParam(request.params, 'objectionId'))
  })

  app.post('/cases/:id/mediator/objections/:objectionId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const objectionId = idParam(request.params, 'objectionId')
    if (!objectionId || !(await service.findObjection(found.id, objectionId))) return notFound(reply)
    const form = parseForm(decisionSchema, request.body)
    if (!form.ok) return render(reply.code(400), found, objectionId, { values: request.body, errors: form.errors })
    const user = currentUser(request)
    const result = await service.decideObjection(found.id, objectionId, {
      decision: form.data.decision,
      reason: form.data.reason,
      expectedVersion: form.data.version,
      actor: { userId: user.id, label: user.name },
    })
    if (!result.ok) {
      if (result.code === 'not-found') return notFound(reply)
      const now = (await findCase(database.db, found.id)) ?? found
      return render(reply.code(statusFor(result.code)), now, objectionId, {
        values: request.body,
        errors: refusalErrors(result.reason),
      })
    }
    request.session.flash =
      form.data.decision === 'upheld' ? 'Objection upheld: choose another mediator' : 'Objection dismissed'
    return reply.redirect(`/cases/${found.id}/mediator`, 303)
  })
}
