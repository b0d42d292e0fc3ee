import { z } from 'zod'
import { submissionKey, text } from '../../../../web/forms.ts'

export const newTokenSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    name: text('Enter a name for the token', 100, 'Name'),
    authority: z
      .string({ error: 'Select the council the token is for' })
      .min(1, { error: 'Select the council the token is for' }),
  })
  .strict()
