import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const satisfactionLabels = {
  'very-satisfied': 'Very satisfied',
  satisfied: 'Satisfied',
  neither: 'Neither satisfied nor dissatisfied',
  dissatisfied: 'Dissatisfied',
  'very-dissatisfied': 'Very dissatisfied',
} as const

export const heardLabels = { yes: 'Yes', partly: 'Partly', no: 'No' } as const

export const feedbackSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
    satisfaction: z.enum(Object.keys(satisfactionLabels) as [keyof typeof satisfactionLabels], {
      error: 'Select how you feel about the service',
    }),
    heard: z.enum(Object.keys(heardLabels) as [keyof typeof heardLabels], { error: 'Select if you felt listened to' }),
    comment: text(false, 1200, 'Your comments'),
  })
  .strict()
