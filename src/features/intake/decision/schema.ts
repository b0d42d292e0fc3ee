import { z } from 'zod'
import { ehcDecisions, type EhcDecision } from '../../../domain/request.ts'
import { choice, dateAnswer, dateFields, optionalText } from '../form-fields.ts'

export function decisionSchema(today: string) {
  return z
    .object({ _csrf: z.string(), decision: optionalText, ...dateFields('letterDate') })
    .strict()
    .transform((d, ctx) => ({
      decision: choice(
        ctx,
        d.decision,
        ehcDecisions,
        'decision',
        'Select which decision the council made',
      ) as EhcDecision,
      letterDate: dateAnswer(ctx, d, 'letterDate', 'the date of the decision letter', {
        optional: true,
        rule: (iso) => (iso > today ? 'The date of the decision letter must be today or in the past' : undefined),
      }) as string,
    }))
}
