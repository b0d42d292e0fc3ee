import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const responseSchema = z
  .object({
    _csrf: z.string(),
    meetingId: z.guid(),
    attending: z.enum(['yes', 'no'], { error: 'Select yes if you will come to the meeting' }),
    note: text(false, 500, 'Your message'),
  })
  .strict()
