import { z } from 'zod'

/** The check page's form carries only its one-time key. */
export const sendSchema = z.object({ _csrf: z.string(), submissionKey: z.string().min(1).max(100) }).strict()
