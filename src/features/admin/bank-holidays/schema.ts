import { z } from 'zod'

/** GOV.UK's whole file is well under 50,000 characters; this leaves room for many more years. */
export const maxCharacters = 300_000
/** Each character can take 3 bytes once the form encodes it. */
export const bodyLimitBytes = 1024 * 1024

export const uploadSchema = z
  .object({
    _csrf: z.string(),
    bankHolidays: z
      .string({ error: 'Paste the contents of GOV.UK’s bank holidays file' })
      .trim()
      .min(1, { error: 'Paste the contents of GOV.UK’s bank holidays file' })
      .max(maxCharacters, {
        error: `The text you pasted is too long: it must be ${maxCharacters.toLocaleString('en-GB')} characters or fewer. GOV.UK’s bank holidays file is much shorter, so check you copied the right file`,
      }),
  })
  .strict()
