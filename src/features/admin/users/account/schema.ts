import { z } from 'zod'
import { allRoles } from '../../../../domain/staff.ts'
import { asArray } from '../../../../web/forms.ts'
import { councilsField, rolesField } from '../new/schema.ts'

export const rolesSchema = z
  .object({
    _csrf: z.string(),
    roles: rolesField,
    councils: councilsField,
    /** The roles and councils the page showed, to notice a change made by someone else meanwhile. */
    shownRoles: z.preprocess(asArray, z.array(z.enum(allRoles))),
    shownCouncils: z.preprocess(asArray, z.array(z.uuid())),
  })
  .strict()

/** Disable, enable and reset-password forms carry nothing but the token. */
export const actionSchema = z.object({ _csrf: z.string() }).strict()
