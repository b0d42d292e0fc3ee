import { z } from 'zod'

/** Spaces in an app's code are ignored ("123 456"); a recovery code is kept as typed. */
const appCodeSpaces = (typed: string) => (/^[\d\s]+$/.test(typed) ? typed.replace(/\s/g, '') : typed)

export const secondFactorSchema = z
  .object({
    _csrf: z.string(),
    code: z
      .string()
      .trim()
      .min(1, 'Enter the 6-digit code from your authenticator app, or one of your recovery codes')
      .max(50, 'Enter the 6-digit code from your authenticator app, or one of your recovery codes')
      .transform(appCodeSpaces)
      .refine(
        (code) => !/^\d+$/.test(code) || code.length === 6,
        'The code from your authenticator app must be 6 digits',
      ),
  })
  .strict()
