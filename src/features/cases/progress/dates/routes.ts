// /cases/:id/progress/dates: record a statutory date (the decision letter sent, the health body
// told, the date and place of the meeting sent) through the workflow service's recordFact.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { caseWorkers } from '../../access.ts'
import { currentUser } from '../../../../web/auth.ts'
import { dateInputValues, type FormErrors } from '../../../../web/forms.ts'
import { checkFields, typedValues, versionOf } from '../../actions/fields.ts'
import { recordAccess } from '../../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../../case-page.ts'
import { findCase, type CaseRow } from '../../repository.ts'
import { createWorkflowService } from '../../workflow-service.ts'
import { factDone, factFields, type RecordableFact } from './schema.ts'

const view = 'cases/progress/dates/view.njk'

function render(reply: FastifyReply, found: CaseRow, extra: { values: Record<string, unknown>; errors?: FormErrors }) {
  return reply.view(view, {
    ...caseContext(found, 'progress'),
    fields: factFields,
    values: extra.values,
    errors: extra.errors,
    version: found.version,
  })
}

export default async function statutoryDates(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: caseWorkers }

  app.get('/cases/:id/progress/dates', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/progress/dates`,
    })
    const fact = (request.query as { fact?: unknown }).fact
    return render(reply, found, {
      values: { ...dateInputValues('occurredOn', clock.today()), fact: typeof fact === 'string' ? fact : undefined },
    })
  })

  app.post('/cases/:id/progress/dates', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    const values = typedValues(factFields, request.body)
    const checked = checkFields(factFields, request.body, clock.today())
    if (!checked.ok) return render(reply.code(400), found, { values, errors: checked.errors })

    const fact = checked.values.fact as RecordableFact
    const result = await createWorkflowService({ db: database.db, clock }).recordFact(
      found.id,
      fact,
      {},
      {
        actor: { userId: user.id, label: user.name },
        occurredOn: String(checked.values.occurredOn),
        expectedVersion: versionOf(request.body),
      },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      const now = result.code === 'stale' ? ((await findCase(database.db, found.id)) ?? found) : found
      return render(reply.code(result.code === 'invalid' ? 400 : 409), now, {
        values,
        errors: { summary: [{ text: result.reason, href: '#case-now' }], fields: {} },
      })
    }
    request.session.flash = factDone[fact]
    return reply.redirect(`/cases/${found.id}/progress`, 303)
  })
}
