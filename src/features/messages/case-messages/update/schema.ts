import { z } from 'zod'
import { asArray, submissionKey, text } from '../../../../web/forms.ts'

export const updateMaxLength = 2000
export const nextStepMaxLength = 1000

const fields = {
  _csrf: z.string(),
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
}

/** Sending creates messages and updates: only with the form's one-time key. */
export const sendUpdateSchema = z.object({ ...fields, submissionKey }).strict()

/** A preview sends nothing, so it needs no key (the form has one for the send that follows). */
export const previewUpdateSchema = z.object({ ...fields, submissionKey: submissionKey.optional() }).strict()
