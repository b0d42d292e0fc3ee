import { z } from 'zod'
import { disagreementAreas } from '../../../domain/request.ts'
import { checkboxes, choices } from '../form-fields.ts'

export const aboutSchema = z
  .object({ _csrf: z.string(), areas: checkboxes })
  .strict()
  .transform((d, ctx) => ({
    areas: choices(ctx, d.areas, disagreementAreas, 'areas', 'Select what the disagreement is about'),
  }))
