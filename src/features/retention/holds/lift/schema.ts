import { z } from 'zod'
import { text } from '../../../../web/forms.ts'

export const liftSchema = z
  .object({
    _csrf: z.string(),
    note: text('Say why the hold can be lifted, for example the appeal was decided', 1000, 'Why'),
  })
  .strict()
