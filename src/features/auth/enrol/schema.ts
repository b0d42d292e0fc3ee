import { z } from 'zod'

export const enrolSchema = z
  .object({
    _csrf: z.string(),
    code: z
      .string()
      .trim()
      .min(1, 'Enter the 6-digit code from your authenticator app')
      .transform((typed) => typed.replace(/\s/g, ''))
      .refine((code) => /^\d{6}$/.test(code), 'The code must be 6 digits, like 123456'),
  })
  .strict()
