import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'

export const complaintSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    complaint: text('Tell us what your complaint is about', 5000, 'Your complaint'),
    outcome: text(false, 2000, 'What would put it right'),
  })
  .strict()
