import { z } from 'zod'

// Cancelling asks nothing more: the link's token says which booking, the form's token that it is theirs.
export const cancelSchema = z.object({ _csrf: z.string() }).strict()
