import { z } from 'zod'
import { submissionKey, text } from '../../../../web/forms.ts'

export const messageSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    message: text('Enter your message', 2000, 'The message'),
  })
  .strict()
