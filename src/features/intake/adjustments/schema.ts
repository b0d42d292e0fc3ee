import { z } from 'zod'
import { adjustmentKinds } from '../../../domain/request.ts'
import { checkboxes, choices, optionalText, report, textAnswer } from '../form-fields.ts'

/** The "I do not need anything" box, which clears the others when JavaScript is on. */
export const noAdjustments = 'none'

export const adjustmentsSchema = z
  .object({ _csrf: z.string(), adjustments: checkboxes, language: optionalText, details: optionalText })
  .strict()
  .transform((d, ctx) => {
    const none = d.adjustments.includes(noAdjustments)
    const rest = d.adjustments.filter((k) => k !== noAdjustments)
    const required = 'Select the help you need, or select that you do not need anything'
    const kinds = choices(ctx, rest, adjustmentKinds, 'adjustments', none ? false : required)
    if (none && kinds.length)
      report(ctx, 'adjustments', 'Select the help you need, or that you do not need anything, but not both')
    const language = textAnswer(ctx, d.language, 'language', {
      required: kinds.includes('interpreter') && 'Enter the language you need an interpreter for',
      max: 100,
      label: 'the language',
    })
    const details = textAnswer(ctx, d.details, 'details', {
      required: kinds.includes('other') && 'Tell us what help you need',
      max: 1000,
      label: 'the help you need',
    })
    return { kinds, language, details }
  })
