import { z } from 'zod'
import { asArray, submissionKey, text } from '../../../web/forms.ts'
import { gatheredByLabels } from '../labels.ts'

export const viewsMaxLength = 10_000

export const childViewsSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    views: text("Enter the child's or young person's views", viewsMaxLength, 'Their views'),
    gatheredBy: z.enum(Object.keys(gatheredByLabels) as [keyof typeof gatheredByLabels], {
      error: 'Select how their views were gathered',
    }),
    'gatheredOn-day': z.string().optional(),
    'gatheredOn-month': z.string().optional(),
    'gatheredOn-year': z.string().optional(),
    consentToShare: z.enum(['yes', 'no'], { error: 'Select yes if they agreed to share their views' }),
    shareWith: z.preprocess(
      asArray,
      z
        .array(z.string())
        .refine((roles) => roles.length <= 10 && roles.every((r) => r.length <= 40), { error: 'Select from the list' }),
    ),
  })
  .strict()

export const childViewsFieldOrder = [
  'views',
  'gatheredBy',
  'gatheredOn-day',
  'gatheredOn-month',
  'gatheredOn-year',
  'consentToShare',
  'shareWith',
]
