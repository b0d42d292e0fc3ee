import { z } from 'zod'
import { submissionKey, text, toFormErrors, type FormResult } from '../../../web/forms.ts'
import { dateParts, formChecks } from '../../../web/form-checks.ts'
import type { CpdInput, Once } from '../service.ts'

export const cpdFormSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    hours: z.string().optional(),
    activity: z.string().optional(),
    ...Object.fromEntries(dateParts('completedOn').map((f) => [f, z.string().optional()])),
  })
  .strict()

const hours = z
  .string()
  .trim()
  .min(1, { error: 'Enter the number of hours' })
  .refine((s) => /^\d+(\.\d+)?$/.test(s), { error: 'Hours must be a number, like 1.5' })
  .refine((s) => /^\d+(\.\d)?$/.test(s), { error: 'Hours must have no more than one decimal place, like 1.5' })
  .transform(Number)
  .refine((n) => n > 0, { error: 'Hours must be more than 0' })
  .refine((n) => n <= 100, { error: 'Hours must be 100 or fewer' })
const activity = text('Enter what the CPD activity was', 500, 'Activity')

export function validateCpd(body: unknown, today: string): FormResult<CpdInput & Once> {
  const shape = cpdFormSchema.safeParse(body ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const c = formChecks(shape.data, today)
  const completedOn = c.date('completedOn', 'the date of the activity', {
    notFuture: 'The date of the activity must be today or in the past',
  })
  const h = c.check('hours', hours, shape.data.hours)
  const a = c.check('activity', activity, shape.data.activity)
  if (c.failed()) return { ok: false, errors: c.errors }
  return {
    ok: true,
    data: { completedOn: completedOn!, hours: h!, activity: a!, submissionKey: shape.data.submissionKey },
  }
}
