// What a party's feedback and complaints hold (party_feedback.answers), checked before they are
// written so that staff pages read them as they are.
import { z } from 'zod'
import type { ComplaintAnswers, FeedbackAnswers } from '../../../db/schema/index.ts'

export const satisfactionLabels: Record<FeedbackAnswers['satisfaction'], string> = {
  'very-satisfied': 'Very satisfied',
  satisfied: 'Satisfied',
  neither: 'Neither satisfied nor dissatisfied',
  dissatisfied: 'Dissatisfied',
  'very-dissatisfied': 'Very dissatisfied',
}

export const heardLabels: Record<FeedbackAnswers['heard'], string> = { yes: 'Yes', partly: 'Partly', no: 'No' }

const keysOf = <K extends string>(labels: Record<K, string>) => Object.keys(labels) as [K, ...K[]]

export const feedbackAnswers: z.ZodType<FeedbackAnswers> = z
  .object({
    satisfaction: z.enum(keysOf(satisfactionLabels)),
    heard: z.enum(keysOf(heardLabels)),
    comment: z.string().max(1200),
  })
  .strict()

export const complaintAnswers: z.ZodType<ComplaintAnswers> = z
  .object({ complaint: z.string().min(1).max(5000), outcome: z.string().max(2000) })
  .strict()
