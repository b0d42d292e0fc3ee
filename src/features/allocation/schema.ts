// The allocation forms: each carries the case version the person saw, and asks in GOV.UK words.
import { z } from 'zod'
import { submissionKey, text } from '../../web/forms.ts'
import { updateChannels } from '../cases/index.ts'

export const noteMaxLength = 2000

// A missing or altered version can never match the case's, so it reads as "someone else changed this".
const version = z.coerce.number().int().positive().catch(0)

export const allocateSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    version,
    note: text('Enter why you chose this mediator', noteMaxLength, 'Why you chose this mediator'),
  })
  .strict()

export const toldSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    version,
    allocationId: z.string(),
    channel: z.enum(Object.keys(updateChannels) as [keyof typeof updateChannels, ...(keyof typeof updateChannels)[]], {
      error: 'Select how you told them',
    }),
    note: text(false, 500, 'Anything else you told them'),
  })
  .strict()

export const objectionSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    version,
    allocationId: z.string(),
    party: z
      .string({ error: 'Select who objects to the mediator' })
      .min(1, { error: 'Select who objects to the mediator' }),
    reason: text('Enter the reason they gave for objecting', noteMaxLength, 'The reason'),
  })
  .strict()

export const objectionDecisions = {
  upheld: 'Uphold it: end this allocation and choose another mediator',
  dismissed: 'Dismiss it: the mediator stays',
} as const

export const decisionSchema = z
  .object({
    _csrf: z.string(),
    version,
    decision: z.enum(['upheld', 'dismissed'], { error: 'Select whether you uphold or dismiss the objection' }),
    reason: text('Enter the reason for your decision', noteMaxLength, 'The reason'),
  })
  .strict()

export const channelOptions = Object.entries(updateChannels).map(([value, text]) => ({ value, text }))
