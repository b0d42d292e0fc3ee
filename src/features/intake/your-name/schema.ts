import { z } from 'zod'
import { optionalText, textAnswer } from '../form-fields.ts'

/** The organisation is asked of everyone but the family; professionals must give it. */
export function yourNameSchema(organisation: 'required' | 'optional' | 'not-asked') {
  return z
    .object({ _csrf: z.string(), name: optionalText, organisation: optionalText })
    .strict()
    .transform((d, ctx) => ({
      name: textAnswer(ctx, d.name, 'name', { required: 'Enter your full name', label: 'your name' }),
      organisation:
        organisation === 'not-asked'
          ? ''
          : textAnswer(ctx, d.organisation, 'organisation', {
              required: organisation === 'required' && 'Enter the name of your organisation',
              label: 'the name of your organisation',
            }),
    }))
}
