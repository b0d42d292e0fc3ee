import { z } from 'zod'
import { ehcStatuses, type EhcStatus } from '../../../domain/request.ts'
import { choice, optionalText } from '../form-fields.ts'

export function ehcPlanSchema(self: boolean) {
  return z
    .object({ _csrf: z.string(), ehcStatus: optionalText })
    .strict()
    .transform((d, ctx) => ({
      ehcStatus: choice(
        ctx,
        d.ehcStatus,
        ehcStatuses,
        'ehcStatus',
        self ? 'Select whether you have an EHC plan' : 'Select whether the child or young person has an EHC plan',
      ) as EhcStatus,
    }))
}
