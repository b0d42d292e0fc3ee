import { z } from 'zod'
import { text } from '../../../../web/forms.ts'

export const cancelSchema = z
  .object({
    _csrf: z.string(),
    version: z.string().max(20),
    reason: text('Enter why the session is cancelled', 1000, 'The reason'),
  })
  .strict()
