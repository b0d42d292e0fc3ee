import { z } from 'zod'
import { roles } from '../../../../domain/staff.ts'
import { asArray } from '../../../../web/forms.ts'
import { rolesField } from '../new/schema.ts'

export const rolesSchema = z
  .object({
    _csrf: z.string(),
    roles: rolesField,
    /** The roles the page showed, to notice a change made by someone else meanwhile. */
    shownRoles: z.preprocess(asArray, z.array(z.enum(roles))),
  })
  .strict()

/** Disable, enable and reset-password forms carry nothing but the token. */
export const actionSchema = z.object({ _csrf: z.string() }).strict()
