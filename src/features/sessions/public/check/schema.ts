import { z } from 'zod'
import { submissionKey } from '../../../../web/forms.ts'

export const sendSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    want: z.enum(['place', 'waiting'], { error: 'Reload the page and try again' }),
  })
  .strict()
