// /cases/:id/agreement/outcome: a case worker closes the case with a structured outcome (full,
// partial or no agreement; withdrawn, by whom and why; could not go ahead, which party was not
// willing; referred elsewhere, to whom). The points kept and not kept are counted for reporting,
// and the workflow's 'close' (or 'withdraw', then 'close' when it may) is applied (outcome-service.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { caseOutcomeLabel, caseOutcomeLabels, withdrawnByLabels } from '../../../domain/case-outcome.ts'
import { itemsOf, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import {
  actorOf,
  agreementServiceOf,
  base,
  caseForChange,
  caseForView,
  caseWorkerAccess,
  pageContext,
  partyChoice,
} from '../page.ts'
import { readOutcome } from './schema.ts'

const view = 'agreements/outcome/view.njk'

export default async function outcomePage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const data = await agreements.outcomePage(found.id)
    const values = extra.values ?? {}
    return reply.view(view, {
      ...pageContext(found, request),
      recorded: data.outcome ? { ...data.outcome, label: caseOutcomeLabel(data.outcome.outcome) } : undefined,
      counts: data.counts,
      hasAgreement: data.agreement?.status === 'final',
      values,
      errors: extra.errors,
      outcomeItems: itemsOf(caseOutcomeLabels, values.outcome as string),
      withdrawnByItems: itemsOf(withdrawnByLabels, values.withdrawnBy as string),
      partyItems: data.parties.map((p) => partyChoice(p, values.unwillingPartyId === p.id)),
    })
  }

  app.get('/cases/:id/agreement/outcome', { config: caseWorkerAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found)
  })

  app.post('/cases/:id/agreement/outcome', { config: caseWorkerAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: readOutcome,
      render: (reply, extra) => render(request, reply, found, extra),
      field: 'outcome',
      submit: async (input) => {
        const result = await agreements.recordOutcome(found.id, input, { actor: actorOf(request) })
        if (!result.ok) return result
        return {
          ok: true,
          redirect: base(found.id),
          flash:
            result.status === 'closed'
              ? 'Outcome recorded and the case closed'
              : 'Outcome recorded. The case is withdrawn: issue the certificate due, then close it.',
        }
      },
    })
  })
}
