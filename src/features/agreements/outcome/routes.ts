// /cases/:id/agreement/outcome: a case worker closes the case with a structured outcome (full,
// partial or no agreement; withdrawn, by whom and why; could not go ahead, which party was not
// willing; referred elsewhere, to whom). The points kept and not kept are counted for reporting,
// and the workflow's 'close' (or 'withdraw', then 'close' when it may) is applied.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { followUpCounts } from '../../../domain/agreement-rules.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { actorOf, base, caseForView, caseWorkerAccess, itemsOf, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService, type OutcomeInput } from '../service.ts'
import { outcomeOf } from '../repository.ts'
import { loadAgreement } from '../view-model.ts'
import { caseOutcomeLabels, outcomeSchema, withdrawnByLabels } from './schema.ts'

const view = 'agreements/outcome/view.njk'
const order = ['outcome', 'withdrawnBy', 'unwillingPartyId', 'referredTo', 'reason']

export default async function outcomePage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createAgreementService({ db, clock: deps.clock })

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await loadAgreement(db, deps.clock, found.id)
    const values = extra.values ?? {}
    const counts = followUpCounts(data.points)
    return reply.view(view, {
      ...pageContext(found, request),
      recorded: data.outcome
        ? {
            ...data.outcome,
            label: caseOutcomeLabels[data.outcome.outcome as keyof typeof caseOutcomeLabels] ?? data.outcome.outcome,
          }
        : undefined,
      counts,
      hasAgreement: data.agreement?.status === 'final',
      values,
      errors: extra.errors,
      outcomeItems: itemsOf(caseOutcomeLabels, values.outcome as string),
      withdrawnByItems: itemsOf(withdrawnByLabels, values.withdrawnBy as string),
      partyItems: data.parties.map((p) => ({
        value: p.id,
        text: p.label.charAt(0).toUpperCase() + p.label.slice(1),
        checked: values.unwillingPartyId === p.id,
      })),
    })
  }

  app.get('/cases/:id/agreement/outcome', { config: caseWorkerAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/outcome', { config: caseWorkerAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    if (await outcomeOf(db, found.id))
      return render(request, reply.code(400), found, {
        values: body,
        errors: problem('recorded-outcome', 'The outcome has already been recorded'),
      })
    const form = parseForm(outcomeSchema, body)
    if (!form.ok) {
      const summary = [...form.errors.summary].sort(
        (a, b) => order.indexOf(a.href.slice(1)) - order.indexOf(b.href.slice(1)),
      )
      return render(request, reply.code(400), found, { values: body, errors: { ...form.errors, summary } })
    }
    const d = form.data
    const input: OutcomeInput =
      d.outcome === 'withdrawn'
        ? { outcome: d.outcome, withdrawnBy: d.withdrawnBy!, reason: d.reason }
        : d.outcome === 'could-not-proceed'
          ? { outcome: d.outcome, unwillingPartyId: d.unwillingPartyId!, reason: d.reason }
          : d.outcome === 'referred'
            ? { outcome: d.outcome, referredTo: d.referredTo, reason: d.reason }
            : { outcome: d.outcome, reason: d.reason }
    const result = await service.recordOutcome(found.id, input, { actor: actorOf(request) })
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, {
        values: body,
        errors: problem(result.field ?? 'outcome', result.reason),
      })
    request.session.flash =
      result.status === 'closed'
        ? 'Outcome recorded and the case closed'
        : 'Outcome recorded. The case is withdrawn: issue the certificate due, then close it.'
    return reply.redirect(base(found.id), 303)
  })
}
