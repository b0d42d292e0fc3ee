import { z } from 'zod'
import { submissionKey, text } from '../../../../web/forms.ts'
import { DEFAULT_REQUESTS_PER_MINUTE, requestsPerMinute } from '../requests-per-minute.ts'

export const newTokenSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    name: text('Enter a name for the token', 100, 'Name'),
    authority: z
      .string({ error: 'Select the council the token is for' })
      .min(1, { error: 'Select the council the token is for' }),
    // Not sent (an older page, a script): the usual limit.
    requestsPerMinute: requestsPerMinute.optional().transform((n) => n ?? DEFAULT_REQUESTS_PER_MINUTE),
  })
  .strict()
