import { z } from 'zod'
import { whatHappenedMaxLength } from '../../../domain/request.ts'
import { optionalText, textAnswer } from '../form-fields.ts'

export const whatHappenedSchema = z
  .object({ _csrf: z.string(), whatHappened: optionalText })
  .strict()
  .transform((d, ctx) => ({
    // Browsers send a new line as two characters; the character count counts one.
    whatHappened: textAnswer(ctx, d.whatHappened?.replace(/\r\n/g, '\n'), 'whatHappened', {
      required: 'Tell us what has happened',
      max: whatHappenedMaxLength,
      label: 'what has happened',
    }),
  }))
