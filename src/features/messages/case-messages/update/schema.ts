import { z } from 'zod'
import { asArray, text } from '../../../../web/forms.ts'

export const updateMaxLength = 2000
export const nextStepMaxLength = 1000

export const sendUpdateSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
    version: z.coerce.number().int().optional(),
    action: z.enum(['preview', 'send']).catch('preview').default('preview'),
    parties: z.preprocess(
      asArray,
      z
        .array(z.guid({ error: 'Select who to send the update to' }))
        .min(1, { error: 'Select who to send the update to' }),
    ),
    update: text('Enter the update', updateMaxLength, 'The update'),
    nextStep: text('Enter what happens next', nextStepMaxLength, 'What happens next'),
  })
  .strict()
