import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'
import { contactMethods } from '../labels.ts'

export const noteMaxLength = 1000

export const contactSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    party: z.guid({ error: 'Select who you contacted' }),
    'contactedOn-day': z.string().optional(),
    'contactedOn-month': z.string().optional(),
    'contactedOn-year': z.string().optional(),
    method: z.enum(Object.keys(contactMethods) as [keyof typeof contactMethods], {
      error: 'Select how you contacted them',
    }),
    note: text('Enter a short note about the contact', noteMaxLength, 'The note'),
  })
  .strict()

export const contactFieldOrder = ['party', 'contactedOn-day', 'contactedOn-month', 'contactedOn-year', 'method', 'note']
