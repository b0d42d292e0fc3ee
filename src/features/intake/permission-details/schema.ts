import { z } from 'zod'
import { dateAnswer, dateFields, optionalText, textAnswer } from '../form-fields.ts'

export function permissionDetailsSchema(today: string) {
  return z
    .object({ _csrf: z.string(), givenBy: optionalText, ...dateFields('givenOn'), parentName: optionalText })
    .strict()
    .transform((d, ctx) => ({
      givenBy: textAnswer(ctx, d.givenBy, 'givenBy', {
        required: 'Enter the name of the person who gave permission',
        label: 'the name of the person who gave permission',
      }),
      givenOn: dateAnswer(ctx, d, 'givenOn', 'the date they gave permission', {
        rule: (iso) => (iso > today ? 'The date they gave permission must be today or in the past' : undefined),
      }) as string,
      parentName: textAnswer(ctx, d.parentName, 'parentName', { label: "the parent's or carer's name" }),
    }))
}
