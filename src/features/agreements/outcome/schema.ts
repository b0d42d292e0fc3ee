import { z } from 'zod'
import { CASE_OUTCOMES, type OutcomeInput } from '../../../domain/case-outcome.ts'
import { WITHDRAWN_BY } from '../../../domain/workflow.ts'
import { parseForm, text, type FormResult } from '../../../web/forms.ts'

export const outcomeSchema = z
  .object({
    _csrf: z.string(),
    outcome: z.enum(CASE_OUTCOMES, { error: 'Select how the case ended' }),
    withdrawnBy: z.enum(WITHDRAWN_BY, { error: 'Select who withdrew' }).optional(),
    reason: text(false, 2000, 'The reason'),
    unwillingPartyId: z.guid({ error: 'Select the party that was not willing to take part' }).optional(),
    referredTo: text(false, 200, 'Where it was referred'),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.outcome === 'withdrawn' && !v.withdrawnBy)
      ctx.addIssue({ code: 'custom', path: ['withdrawnBy'], message: 'Select who withdrew' })
    if (v.outcome === 'withdrawn' && !v.reason)
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Enter why the case was withdrawn' })
    if (v.outcome === 'could-not-proceed' && !v.unwillingPartyId)
      ctx.addIssue({
        code: 'custom',
        path: ['unwillingPartyId'],
        message: 'Select the party that was not willing to take part',
      })
    if (v.outcome === 'referred' && !v.referredTo)
      ctx.addIssue({
        code: 'custom',
        path: ['referredTo'],
        message: 'Enter where the case was referred, for example SENDIASS',
      })
  })

const order = ['outcome', 'withdrawnBy', 'unwillingPartyId', 'referredTo', 'reason']

/** The outcome as typed (the problems in the page's order), as the service takes it. */
export function readOutcome(body: Record<string, unknown>): FormResult<OutcomeInput> {
  const form = parseForm(outcomeSchema, body)
  if (!form.ok) {
    const rank = (href: string) => order.indexOf(href.slice(1))
    const summary = [...form.errors.summary].sort((a, b) => rank(a.href) - rank(b.href))
    return { ok: false, errors: { ...form.errors, summary } }
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
  return { ok: true, data: input }
}
