// /cases/:id/progress/dates: record a statutory date (the decision letter sent, the health body
// told, the date and place of the meeting sent) through the workflow service's recordFact.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { dateInputValues, type FormErrors } from '../../../../web/forms.ts'
import { caseWorkers } from '../../access.ts'
import { checkFields } from '../../actions/fields.ts'
import { submitStep } from '../../actions/step-form.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../case-page.ts'
import { factDone, factFields, type RecordableFact } from './schema.ts'
import { recordStatutoryDate } from './service.ts'

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

export default async function statutoryDates(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  const config = { access: caseWorkers }

  app.get('/cases/:id/progress/dates', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const fact = (request.query as { fact?: unknown }).fact
    return render(reply, found, {
      values: { ...dateInputValues('occurredOn', clock.today()), fact: typeof fact === 'string' ? fact : undefined },
    })
  })

  app.post('/cases/:id/progress/dates', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    return submitStep(request, reply, {
      fields: factFields,
      check: (body) => checkFields(factFields, body, clock.today()),
      render: (reply, extra) => render(reply, found, extra),
      submit: async (v, version) => {
        const fact = v.fact as RecordableFact
        const recorded = await recordStatutoryDate({ db: database.db, clock }, found.id, fact, {
          actor: actorOf(request),
          occurredOn: String(v.occurredOn),
          expectedVersion: version,
        })
        return recorded.ok ? { ok: true, redirect: `/cases/${found.id}/progress`, flash: factDone[fact] } : recorded
      },
    })
  })
}
