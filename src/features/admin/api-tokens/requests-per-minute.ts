// A token's limit, as typed into a form: a whole number of requests a minute, with the GOV.UK messages.
import { z } from 'zod'
import { DEFAULT_REQUESTS_PER_MINUTE, MAX_REQUESTS_PER_MINUTE } from '../../api/index.ts'

export { DEFAULT_REQUESTS_PER_MINUTE, MAX_REQUESTS_PER_MINUTE }

const range = `between 1 and ${MAX_REQUESTS_PER_MINUTE.toLocaleString('en-GB')}`

export const requestsPerMinute = z
  .string({ error: 'Enter the number of requests a minute the token may make' })
  .trim()
  .min(1, { error: 'Enter the number of requests a minute the token may make' })
  .transform((typed) => typed.replace(/,/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d+$/, { error: `Requests a minute must be a whole number, like ${DEFAULT_REQUESTS_PER_MINUTE}` })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: `Requests a minute must be ${range}` })
          .max(MAX_REQUESTS_PER_MINUTE, { error: `Requests a minute must be ${range}` }),
      ),
  )
