import { z } from 'zod'
import { asArray, text } from '../../../web/forms.ts'

export const finaliseSchema = z
  .object({
    _csrf: z.string(),
    agreementVersion: z.string().regex(/^\d{1,9}$/, { error: 'Reload the page and try again' }),
    noAgreement: z
      .preprocess(asArray, z.array(z.literal('yes', { error: 'Select from the list' })).max(1))
      .optional()
      .default([]),
    acceptanceNote: text(false, 2000, 'The reason'),
  })
  .strict()
