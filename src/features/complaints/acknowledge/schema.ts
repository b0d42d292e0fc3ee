import { z } from 'zod'
import { acknowledgedHowNames } from '../labels.ts'

export const acknowledgeSchema = z
  .object({
    _csrf: z.string(),
    version: z.coerce.number().int(),
    how: z.enum(Object.keys(acknowledgedHowNames) as [keyof typeof acknowledgedHowNames], {
      error: 'Select how they were told we have their complaint',
    }),
    'acknowledgedOn-day': z.string().optional(),
    'acknowledgedOn-month': z.string().optional(),
    'acknowledgedOn-year': z.string().optional(),
  })
  .strict()

export const acknowledgeOrder = ['how', 'acknowledgedOn-day']
export const acknowledgeDates = [{ name: 'acknowledgedOn', label: 'the date it was acknowledged' }] as const
