import { z } from 'zod'
import { asArray, submissionKey, text } from '../../../web/forms.ts'

export const attendeeSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    party: z.guid({ error: 'Select the party they come for' }),
    name: text('Enter the name of the person attending', 200, 'The name'),
    role: text('Enter their role, for example SEN officer, headteacher or advocate', 200, 'The role'),
    about: z.preprocess(
      asArray,
      z.array(z.string()).refine((ticked) => ticked.every((v) => v === 'authority' || v === 'supporter'), {
        error: 'Select from the list',
      }),
    ),
  })
  .strict()
