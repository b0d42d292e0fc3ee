import { z } from 'zod'
import { asArray } from '../../../web/forms.ts'

export const acceptanceSchema = z
  .object({
    _csrf: z.string(),
    agreementVersion: z.string().regex(/^\d{1,9}$/, { error: 'Reload the page and try again' }),
    parties: z.preprocess(
      asArray,
      z
        .array(z.guid({ error: 'Select from the list' }))
        .min(1, { error: 'Select each party who accepted the agreement as it reads now' })
        .max(20),
    ),
  })
  .strict()
