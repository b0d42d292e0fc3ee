import { z } from 'zod'
import { allRoles } from '../../../../domain/staff.ts'
import { asArray, submissionKey, text } from '../../../../web/forms.ts'

export const rolesField = z.preprocess(
  asArray,
  z
    .array(z.enum(allRoles, { error: 'Select a role from the list' }), { error: 'Select at least one role' })
    .min(1, { error: 'Select at least one role' }),
)

/** The councils they work for (the service checks a coordinator, manager or commissioner has one). */
export const councilsField = z.preprocess(asArray, z.array(z.uuid({ error: 'Select councils from the list' })))

export const newUserSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    name: text('Enter their full name', 100, 'Full name'),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, { error: 'Enter their email address' })
      .max(254, { error: 'Email address must be 254 characters or fewer' })
      .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' })),
    roles: rolesField,
    councils: councilsField,
  })
  .strict()
