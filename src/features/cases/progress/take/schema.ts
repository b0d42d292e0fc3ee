import { z } from 'zod'

export const takeSchema = z
  .object({
    _csrf: z.string(),
    // A missing or altered version can never match the case's, so it reads as "someone else changed this".
    version: z.coerce.number().int().positive().catch(0),
  })
  .strict()
