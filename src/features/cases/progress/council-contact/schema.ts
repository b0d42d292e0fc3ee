import { z } from 'zod'

export const councilContactFields = ['email', 'phone'] as const

export const councilContactSchema = z
  .object({
    _csrf: z.string(),
    // A missing or altered version can never match the party's, so it reads as "someone else changed this".
    version: z.coerce.number().int().positive().catch(0),
    email: z
      .string()
      .trim()
      .min(1, { error: "Enter the email address of the council's SEN team" })
      .max(320, { error: 'The email address must be 320 characters or fewer' })
      .pipe(z.email({ error: 'Enter an email address in the correct format, like name@example.com' })),
    phone: z
      .string()
      .trim()
      .max(40, { error: 'The phone number must be 40 characters or fewer' })
      .regex(/^[0-9+()\s-]*$/, { error: 'Enter a phone number, like 01632 960 001' })
      .optional()
      .default(''),
  })
  .strict()
