// /cases/:id/actions/:action: one form for each step of the workflow (schema.ts). Each form
// carries the case version; the workflow service refuses a step that is not allowed now, saying
// why, and a change made by someone else since the form was shown.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { caseWorkers } from '../access.ts'
import { refusalReason, statusLabels, stateFromEvents, type CaseState } from '../../../domain/workflow.ts'
import { currentUser } from '../../../web/auth.ts'
import { dateInputValues, type FormErrors } from '../../../web/forms.ts'
import { recordAccess } from '../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../case-page.ts'
import { eventsOf } from '../deadline-index.ts'
import { findCase, type CaseRow } from '../repository.ts'
import { createWorkflowService } from '../workflow-service.ts'
import { addFieldError, checkFields, typedValues, versionOf } from './fields.ts'
import { actionForms, isFormAction, unwillingReasonRequired, type FormActionType } from './schema.ts'

const view = 'cases/actions/view.njk'

async function stateOf(db: Db, caseId: string): Promise<CaseState> {
  return stateFromEvents(await eventsOf(db, caseId))
}

function defaults(
  type: FormActionType,
  state: CaseState,
  query: Record<string, unknown>,
  today: string,
): Record<string, unknown> {
  const values: Record<string, unknown> = { ...dateInputValues('occurredOn', today) }
  if (typeof query.party === 'string') values.party = query.party
  if (type === 'issue-certificate' && state.certificateDue) values.kind = state.certificateDue
  return values
}

async function render(
  deps: { db: Db; clock: Clock },
  reply: FastifyReply,
  found: CaseRow,
  type: FormActionType,
  extra: { values: Record<string, unknown>; errors?: FormErrors; showRefusal?: boolean },
) {
  const state = await stateOf(deps.db, found.id)
  return reply.view(view, {
    ...caseContext(found, 'progress'),
    form: actionForms[type],
    formAction: `/cases/${found.id}/actions/${type}`,
    statusText: statusLabels[state.status],
    refusal: extra.showRefusal ? refusalReason(state, type) : undefined,
    values: extra.values,
    errors: extra.errors,
    version: found.version,
  })
}

export default async function caseActions(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  // Mediators prepare and hold meetings; moving a case along is the coordinators' job.
  const config = { access: caseWorkers }

  app.get('/cases/:id/actions/:action', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const { action } = request.params as { action: string }
    if (action === 'allocate-mediator') return reply.redirect(`/cases/${found.id}/mediator`, 303) // checked against the panel there
    if (!isFormAction(action)) return reply.code(404).view('errors/not-found.njk')
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/actions/${action}`,
    })
    const state = await stateOf(database.db, found.id)
    const values = defaults(action, state, request.query as Record<string, unknown>, clock.today())
    return render(deps, reply, found, action, { values, showRefusal: true })
  })

  app.post('/cases/:id/actions/:action', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const { action } = request.params as { action: string }
    if (action === 'allocate-mediator') return reply.redirect(`/cases/${found.id}/mediator`, 303)
    if (!isFormAction(action)) return reply.code(404).view('errors/not-found.njk')
    const user = currentUser(request)
    const form = actionForms[action]
    const values = typedValues(form.fields, request.body)

    const checked = checkFields(form.fields, request.body, clock.today())
    let errors = checked.ok ? undefined : checked.errors
    // A reason is needed when a party is not willing: asked here so it sits beside the field.
    const body = (request.body ?? {}) as Record<string, unknown>
    if (
      action === 'record-willingness' &&
      body.answer === 'unwilling' &&
      !String(body.reason ?? '').trim() &&
      !errors?.fields.form
    ) {
      errors = addFieldError(form.fields, errors ?? { summary: [], fields: {} }, 'reason', unwillingReasonRequired)
    }
    if (errors || !checked.ok) return render(deps, reply.code(400), found, action, { values, errors })

    const occurredOn = String(checked.values.occurredOn)
    const result = await createWorkflowService(deps).apply(found.id, form.toAction(checked.values), {
      actor: { userId: user.id, label: user.name },
      occurredOn,
      expectedVersion: versionOf(request.body),
    })
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      if (result.code === 'invalid') {
        return render(deps, reply.code(400), found, action, {
          values,
          errors: addFieldError(form.fields, { summary: [], fields: {} }, 'occurredOn', result.reason),
        })
      }
      // Stale or refused: nothing changed. Show the case as it is now, keeping what was typed.
      const now = result.code === 'stale' ? ((await findCase(database.db, found.id)) ?? found) : found
      return render(deps, reply.code(409), now, action, {
        values,
        errors: { summary: [{ text: result.reason, href: '#case-now' }], fields: {} },
      })
    }
    request.session.flash = form.done
    return reply.redirect(`/cases/${found.id}/progress`, 303)
  })
}
