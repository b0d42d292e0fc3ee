import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const wordingMaxLength = 20_000

/** The provider's details: each may be left blank (it then reads as the first council's). */
export const providerFormSchema = z
  .object({
    _csrf: z.string(),
    shown: z.string().max(100),
    name: text(false, 200, 'The name'),
    address: text(false, 300, 'The address'),
    phone: text(false, 40, 'The phone number').refine((v) => v === '' || /^[+\d][\d ()-]{5,}$/.test(v), {
      error: 'Enter a phone number, like 01632 960 001',
    }),
    email: text(false, 254, 'The email address').refine((v) => v === '' || z.email().safeParse(v).success, {
      error: 'Enter an email address in the correct format, like name@example.org',
    }),
  })
  .strict()

export const wordingFormSchema = z
  .object({
    _csrf: z.string(),
    shown: z.string().max(100),
    wording: text('Enter the wording of the page', wordingMaxLength, 'The wording'),
  })
  .strict()
