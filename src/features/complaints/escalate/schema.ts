import { z } from 'zod'

export const escalateSchema = z
  .object({
    _csrf: z.string(),
    version: z.coerce.number().int(),
    'requestedOn-day': z.string().optional(),
    'requestedOn-month': z.string().optional(),
    'requestedOn-year': z.string().optional(),
  })
  .strict()

export const escalateOrder = ['requestedOn-day']
export const escalateDates = [{ name: 'requestedOn', label: 'the date they asked' }] as const
