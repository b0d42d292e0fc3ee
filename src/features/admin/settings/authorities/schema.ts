import { z } from 'zod'
import { workingDays } from '../schema.ts'

/** Every 1 working day to every 40 (about 2 months). */
export const cadenceLimits = { min: 1, max: 40 }

export const cadenceFormSchema = z
  .object({
    _csrf: z.string(),
    /** The cadence the page showed, to notice a change made by someone else meanwhile. */
    shown: z.string().regex(/^\d{1,9}$/, { error: 'The page was out of date. Reload it and try again' }),
    updateCadenceWorkingDays: workingDays('the number of working days between updates', cadenceLimits),
  })
  .strict()
