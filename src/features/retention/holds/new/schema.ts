import { z } from 'zod'
import { holdReasons } from '../../../../domain/retention.ts'
import { submissionKey, text } from '../../../../web/forms.ts'

export const holdSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    reference: text('Enter the case reference, like MED-2026-000123', 40, 'The case reference'),
    reason: z.enum(Object.keys(holdReasons) as [keyof typeof holdReasons], {
      error: 'Select why the case must be kept',
    }),
    note: text('Say what is open, for example the complaint or appeal reference', 1000, 'What is open'),
  })
  .strict()
