import { z } from 'zod'

export const revokeSchema = z.object({ _csrf: z.string() }).strict()
