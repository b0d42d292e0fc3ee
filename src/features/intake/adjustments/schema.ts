import { z } from 'zod'
import { knownLanguage, OTHER_LANGUAGE } from '../../../domain/languages.ts'
import { adjustmentKinds } from '../../../domain/request.ts'
import { checkboxes, choices, optionalText, report, textAnswer } from '../form-fields.ts'

/** The "I do not need anything" box, which clears the others when JavaScript is on. */
export const noAdjustments = 'none'

export const adjustmentsSchema = z
  .object({
    _csrf: z.string(),
    adjustments: checkboxes,
    language: optionalText,
    otherLanguage: optionalText,
    details: optionalText,
  })
  .strict()
  .transform((d, ctx) => {
    const none = d.adjustments.includes(noAdjustments)
    const rest = d.adjustments.filter((k) => k !== noAdjustments)
    const required = 'Select the help you need, or select that you do not need anything'
    const kinds = choices(ctx, rest, adjustmentKinds, 'adjustments', none ? false : required)
    if (none && kinds.length)
      report(ctx, 'adjustments', 'Select the help you need, or that you do not need anything, but not both')
    // A language from the list, or another typed in.
    const interpreter = kinds.includes('interpreter')
    const chosen = knownLanguage(d.language)
    if (interpreter && !chosen && d.language !== OTHER_LANGUAGE)
      report(ctx, 'language', 'Select the language you need an interpreter for')
    const typed = textAnswer(ctx, d.otherLanguage, 'otherLanguage', {
      required: interpreter && d.language === OTHER_LANGUAGE && 'Enter the language you need an interpreter for',
      max: 100,
      label: 'the language',
    })
    const language = !interpreter
      ? ''
      : d.language === OTHER_LANGUAGE
        ? (knownLanguage(typed) ?? typed)
        : (chosen ?? '')
    const details = textAnswer(ctx, d.details, 'details', {
      required: kinds.includes('other') && 'Tell us what help you need',
      max: 1000,
      label: 'the help you need',
    })
    return { kinds, language, details }
  })
