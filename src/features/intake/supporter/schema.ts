import { z } from 'zod'
import { choice, optionalText, textAnswer } from '../form-fields.ts'

export const supporterSchema = z
  .object({ _csrf: z.string(), hasSupporter: optionalText, supporter: optionalText })
  .strict()
  .transform((d, ctx) => {
    const has = choice(
      ctx,
      d.hasSupporter,
      { yes: 'Yes', no: 'No' },
      'hasSupporter',
      'Select yes if someone will support you',
    )
    const supporter = textAnswer(ctx, d.supporter, 'supporter', {
      required: has === 'yes' && 'Enter the name of the person who will support you',
      label: 'the name of the person who will support you',
    })
    return { supporter: has === 'yes' ? supporter : '' }
  })
