import { z } from 'zod'
import { RETENTION_MONTHS } from '../../../domain/retention.ts'

const months = (what: string) =>
  z
    .string({ error: `Enter how many months ${what} is kept` })
    .trim()
    .min(1, { error: `Enter how many months ${what} is kept` })
    .regex(/^\d+$/, { error: `How long ${what} is kept must be a whole number of months, like 72` })
    .transform(Number)
    .refine((n) => n >= RETENTION_MONTHS.min && n <= RETENTION_MONTHS.max, {
      error: `How long ${what} is kept must be between ${RETENTION_MONTHS.min} and ${RETENTION_MONTHS.max} months`,
    })

export const scheduleSchema = z
  .object({
    _csrf: z.string(),
    enquiryMonths: months('an enquiry'),
    caseMonths: months('a case'),
  })
  .strict()
