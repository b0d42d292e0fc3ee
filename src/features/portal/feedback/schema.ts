import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'
import { heardLabels, satisfactionLabels } from './answers.ts'

export { heardLabels, satisfactionLabels }

export const feedbackSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    satisfaction: z.enum(Object.keys(satisfactionLabels) as [keyof typeof satisfactionLabels], {
      error: 'Select how you feel about the service',
    }),
    heard: z.enum(Object.keys(heardLabels) as [keyof typeof heardLabels], { error: 'Select if you felt listened to' }),
    comment: text(false, 1200, 'Your comments'),
  })
  .strict()
