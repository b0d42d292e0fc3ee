import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const followUpSchema = z
  .object({
    _csrf: z.string(),
    version: z.string().regex(/^\d{1,9}$/, { error: 'Reload the page and try again' }),
    outcome: z.enum(['kept', 'late', 'not-kept'], { error: 'Select whether the point was kept' }),
    note: text(false, 2000, 'The note'),
  })
  .strict()
  .refine((v) => v.outcome !== 'not-kept' || v.note !== '', {
    error: 'Enter what happened, so everyone knows why it was not kept',
    path: ['note'],
  })
