// The register's query string: nothing here fails the page (an unknown value is ignored).
import { z } from 'zod'

export const registerQuery = z.object({
  status: z.enum(['open', 'answered', 'closed']).optional().catch(undefined),
  council: z.guid().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
})
