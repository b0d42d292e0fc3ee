import { z } from 'zod'
import { isYoungPersonAge } from '../../../domain/intake-age.ts'
import { dateAnswer, dateFields, optionalText, textAnswer } from '../form-fields.ts'

/** About the child or young person; `self` when a young person is asking for themselves. */
export function childSchema(today: string, self: boolean) {
  const whose = self ? 'your' : "the child's"
  return z
    .object({ _csrf: z.string(), childName: optionalText, ...dateFields('dateOfBirth'), setting: optionalText })
    .strict()
    .transform((d, ctx) => ({
      childName: textAnswer(ctx, d.childName, 'childName', {
        required: `Enter ${whose} full name`,
        label: `${whose} name`,
      }),
      dateOfBirth: dateAnswer(ctx, d, 'dateOfBirth', `${whose} date of birth`, {
        range: 'long-ago',
        rule: (iso) => {
          // One shape for every date message: "<the date> must be ...", as "must be a real date" is.
          if (iso >= today) return `${self ? 'Your' : "The child's"} date of birth must be in the past`
          if (self && !isYoungPersonAge(iso, today)) {
            return 'You can only ask for yourself if you are aged 16 to 25. Check your date of birth, or ask a parent or carer to ask for you'
          }
          return undefined
        },
      }) as string,
      setting: textAnswer(ctx, d.setting, 'setting', {
        required: self
          ? 'Enter the name of your school or college, or say if you are not in one'
          : 'Enter the name of the school or setting, or say if they are not in one',
        label: 'the school or setting',
      }),
    }))
}
