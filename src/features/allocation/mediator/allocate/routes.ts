// /cases/:id/mediator/allocate/:mediatorId: the coordinator's choice from the ranked panel, with
// their reason. The POST checks everything again: the case can take a mediator now, nobody is
// allocated, and this mediator is still eligible.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../web/forms.ts'
import { recordAccess, caseContext, visibleCaseOr404, findCase, type CaseRow } from '../../../cases/index.ts'
import { allocators, idParam, notFound, refusalErrors, statusFor } from '../../page.ts'
import { allocateSchema } from '../../schema.ts'
import { createAllocationService, type Ranked } from '../../service.ts'

const view = 'allocation/mediator/allocate/view.njk'

function render(
  reply: FastifyReply,
  found: CaseRow,
  choice: Ranked,
  extra: { values?: unknown; errors?: FormErrors } = {},
) {
  return reply.view(view, {
    ...caseContext(found, 'mediator'),
    choice,
    values: extra.values ?? {},
    errors: extra.errors,
    version: found.version,
  })
}

export default async function allocateMediator(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: allocators }
  const service = createAllocationService({ db: database.db, clock })

  async function choiceFor(found: CaseRow, params: unknown): Promise<Ranked | undefined> {
    const mediatorId = idParam(params, 'mediatorId')
    if (!mediatorId) return undefined
    return (await service.ranking(found)).ranked.find((r) => r.mediator.id === mediatorId)
  }

  app.get('/cases/:id/mediator/allocate/:mediatorId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const choice = await choiceFor(found, request.params)
    if (!choice) return notFound(reply)
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/mediator/allocate`,
    })
    return render(reply, found, choice)
  })

  app.post('/cases/:id/mediator/allocate/:mediatorId', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const choice = await choiceFor(found, request.params)
    if (!choice) return notFound(reply)
    const form = parseForm(allocateSchema, request.body)
    if (!form.ok) return render(reply.code(400), found, choice, { values: request.body, errors: form.errors })
    const user = currentUser(request)
    const result = await service.allocate(found, {
      mediatorId: choice.mediator.id,
      note: form.data.note,
      expectedVersion: form.data.version,
      actor: { userId: user.id, label: user.name },
    })
    if (!result.ok) {
      if (result.code === 'not-found') return notFound(reply)
      const now = (await findCase(database.db, found.id)) ?? found
      const fresh = (await choiceFor(now, request.params)) ?? choice
      return render(reply.code(statusFor(result.code)), now, fresh, {
        values: request.body,
        errors: refusalErrors(result.reason),
      })
    }
    request.session.flash = `${choice.mediator.name} allocated`
    return reply.redirect(`/cases/${found.id}/mediator`, 303)
  })
}
