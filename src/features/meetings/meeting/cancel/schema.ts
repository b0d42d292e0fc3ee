import { z } from 'zod'
import { submissionKey, text } from '../../../../web/forms.ts'

export const cancelSchema = z
  .object({
    _csrf: z.string(),
    // Cancelling adds nothing, so the key is optional: with it, a doubled click lands where the first did.
    submissionKey: submissionKey.optional(),
    version: z.string().max(20),
    meetingVersion: z.string().max(20),
    reason: text('Enter why the meeting is cancelled', 1000, 'The reason'),
  })
  .strict()
