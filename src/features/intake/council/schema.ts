import { z } from 'zod'
import { optionalText, report } from '../form-fields.ts'
import { NONE } from '../council.ts'

/** One of the councils offered (their ids), or 'none'. */
export function councilSchema(ids: readonly string[], self: boolean) {
  return z
    .object({ _csrf: z.string(), council: optionalText })
    .strict()
    .transform((d, ctx) => {
      const chosen = d.council ?? ''
      if (chosen !== NONE && !ids.includes(chosen)) {
        report(
          ctx,
          'council',
          self
            ? "Select the council whose area you live in, or 'None of these'"
            : "Select the council whose area the child or young person lives in, or 'None of these'",
        )
      }
      return { council: chosen }
    })
}
