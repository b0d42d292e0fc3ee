import { z } from 'zod'
import { requesterRoles, type RequesterRole } from '../../../domain/request.ts'
import { choice, optionalText } from '../form-fields.ts'

export const whoSchema = z
  .object({ _csrf: z.string(), role: optionalText })
  .strict()
  .transform((d, ctx) => ({
    role: choice(ctx, d.role, requesterRoles, 'role', 'Select who is asking for help') as RequesterRole,
  }))
