import { z } from 'zod'
import { requestsPerMinute } from '../requests-per-minute.ts'

export const limitSchema = z
  .object({
    _csrf: z.string(),
    /** The limit as the page showed it, to notice a change made by someone else meanwhile. */
    shown: z.coerce.number().int(),
    requestsPerMinute,
  })
  .strict()
