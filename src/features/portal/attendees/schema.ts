import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'

export const attendeeSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    name: text('Enter the name of the person who will come', 200, 'Their name'),
    role: text('Enter who they are, for example a friend, an advocate or a colleague', 200, 'Who they are'),
  })
  .strict()
