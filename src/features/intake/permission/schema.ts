import { z } from 'zod'
import { choice, optionalText } from '../form-fields.ts'

const yesNo = { yes: 'Yes', no: 'No' } as const

export const permissionSchema = z
  .object({ _csrf: z.string(), permission: optionalText })
  .strict()
  .transform((d, ctx) => ({
    permission: choice(
      ctx,
      d.permission,
      yesNo,
      'permission',
      'Select yes if the parent or young person has said you can ask for help for them',
    ) as 'yes' | 'no',
  }))
