import { z } from 'zod'
import { WITHDRAWN_BY } from '../../../domain/workflow.ts'
import { text } from '../../../web/forms.ts'

export const CASE_OUTCOMES = [
  'full-agreement',
  'partial-agreement',
  'no-agreement',
  'withdrawn',
  'could-not-proceed',
  'referred',
] as const

export const caseOutcomeLabels: Record<(typeof CASE_OUTCOMES)[number], string> = {
  'full-agreement': 'Full agreement',
  'partial-agreement': 'Partial agreement',
  'no-agreement': 'No agreement',
  withdrawn: 'Withdrawn',
  'could-not-proceed': 'Could not go ahead: a party was not willing',
  referred: 'Referred elsewhere',
}

export const withdrawnByLabels: Record<(typeof WITHDRAWN_BY)[number], string> = {
  parent: 'The parent or carer',
  'young-person': 'The young person',
  'other-party': 'Another party',
  service: 'The service',
}

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
