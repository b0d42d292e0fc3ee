import { z } from 'zod'
import { normalisePostcode } from '../../../domain/postcode.ts'
import { optionalText, report } from '../form-fields.ts'

export function postcodeSchema(self: boolean) {
  return z
    .object({ _csrf: z.string(), postcode: optionalText })
    .strict()
    .transform((d, ctx) => {
      const typed = (d.postcode ?? '').trim()
      if (!typed) {
        report(ctx, 'postcode', self ? 'Enter your home postcode' : "Enter the child's home postcode")
        return { postcode: '' }
      }
      const postcode = normalisePostcode(typed)
      if (!postcode) report(ctx, 'postcode', 'Enter a real postcode, like WA1 1AB')
      return { postcode: postcode ?? '' }
    })
}
