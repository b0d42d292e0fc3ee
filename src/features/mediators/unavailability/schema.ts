import { z } from 'zod'
import { submissionKey, text, toFormErrors, type FormResult } from '../../../web/forms.ts'
import { dateParts, formChecks } from '../../../web/form-checks.ts'
import type { UnavailabilityInput, Once } from '../service.ts'

export const unavailabilityFormSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    note: z.string().optional(),
    ...Object.fromEntries(dateParts('fromDate', 'toDate').map((f) => [f, z.string().optional()])),
  })
  .strict()

/** Removing dates carries nothing but the token. */
export const removeFormSchema = z.object({ _csrf: z.string() }).strict()

const note = text(false, 200, 'Note')

export function validateUnavailability(body: unknown, today: string): FormResult<UnavailabilityInput & Once> {
  const shape = unavailabilityFormSchema.safeParse(body ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const c = formChecks(shape.data, today)
  const fromDate = c.date('fromDate', 'the first day they are unavailable')
  const toDate = c.date('toDate', 'the last day they are unavailable')
  if (fromDate && toDate && toDate < fromDate) {
    c.fail('toDate', 'The last day they are unavailable must be the same as or after the first day', 'toDate-day')
  }
  const n = c.check('note', note, shape.data.note)
  if (c.failed()) return { ok: false, errors: c.errors }
  return {
    ok: true,
    data: { fromDate: fromDate!, toDate: toDate!, note: n || null, submissionKey: shape.data.submissionKey },
  }
}
