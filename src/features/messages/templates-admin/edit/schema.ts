import { z } from 'zod'
import { text } from '../../../../web/forms.ts'

export const subjectMaxLength = 200
export const bodyMaxLength = 5000

export const wordingSchema = z
  .object({
    _csrf: z.string(),
    action: z.enum(['preview', 'save']).catch('preview').default('preview'),
    subject: text('Enter the subject', subjectMaxLength, 'The subject'),
    body: text('Enter the message', bodyMaxLength, 'The message'),
  })
  .strict()
