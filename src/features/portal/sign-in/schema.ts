import { z } from 'zod'
import { normaliseEmail, normalisePhone } from '../party-access.ts'
import type { SignInAddress } from '../sign-in-service.ts'

export const messages = {
  contactMissing: 'Enter your email address or mobile phone number',
  contactFormat:
    'Enter an email address in the correct format, like name@example.com, or a mobile phone number, like 07700 900 982',
  codeMissing: 'Enter the 6-digit code from the text message',
  codeFormat: 'The code must be 6 numbers',
  codeWrong: 'The code is not right or has stopped working. Check the text message, or ask for a new code',
}

const emailFormat = z.email()

/** What someone typed: an email address or a UK mobile number; undefined if it is neither. */
export function readAddress(typed: string): SignInAddress | undefined {
  const value = typed.trim()
  if (value.includes('@'))
    return emailFormat.safeParse(value).success ? { kind: 'email', email: normaliseEmail(value) } : undefined
  const phone = normalisePhone(value)
  return phone && /^07\d{9}$/.test(phone) ? { kind: 'phone', phone } : undefined
}

export const signInSchema = z
  .object({
    _csrf: z.string(),
    contact: z
      .string({ error: messages.contactMissing })
      .trim()
      .min(1, messages.contactMissing)
      .max(200, messages.contactFormat)
      .refine((v) => readAddress(v) !== undefined, messages.contactFormat),
  })
  .strict()

export const codeSchema = z
  .object({
    _csrf: z.string(),
    code: z
      .string({ error: messages.codeMissing })
      .transform((v) => v.replace(/\s+/g, ''))
      .pipe(
        z
          .string()
          .min(1, messages.codeMissing)
          .regex(/^\d{6}$/, messages.codeFormat),
      ),
  })
  .strict()
