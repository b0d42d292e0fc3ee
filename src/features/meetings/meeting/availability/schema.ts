// A party's availability form: one choice per working day over the coming weeks, named day-<date>.
import { z } from 'zod'
import { formatLongDate } from '../../../../domain/dates.ts'
import { AVAILABILITY } from '../../../../domain/meeting-availability.ts'
import { submissionKey, type FormErrors, type FormResult } from '../../../../web/forms.ts'
import type { AvailabilityAnswer } from '../../availability-service.ts'

export const fieldOf = (day: string) => `day-${day}`

const choice = z
  .enum(['', ...AVAILABILITY], { error: 'Select whether they can come on this day, or leave it as not given yet' })
  .optional()

/** The answers for each day as typed, or the problems, each naming the party and the day. */
export function readAvailability(
  body: Record<string, unknown>,
  days: string[],
  party: string,
): FormResult<{ answers: AvailabilityAnswer[]; submissionKey?: string }> {
  const schema = z
    .object({
      _csrf: z.string(),
      // Saving answers adds nothing, so the key is optional: with it, a doubled click records once.
      submissionKey: submissionKey.optional(),
      ...Object.fromEntries(days.map((day) => [fieldOf(day), choice])),
    })
    .strict()
  const parsed = schema.safeParse(body)
  if (parsed.success) {
    const data = parsed.data as Record<string, unknown>
    return {
      ok: true,
      data: {
        submissionKey: parsed.data.submissionKey,
        answers: days.map((day) => ({
          day,
          availability: (data[fieldOf(day)] ?? '') as AvailabilityAnswer['availability'],
        })),
      },
    }
  }
  const errors: FormErrors = { summary: [], fields: {} }
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // A day that is no longer in the coming weeks (the page was left open overnight).
      const text = 'The days have changed since the page was shown. Check the days and save again'
      errors.fields.form = { text }
      errors.summary.push({ text, href: `#${fieldOf(days[0]!)}` })
      continue
    }
    const key = String(issue.path[0])
    if (errors.fields[key]) continue
    const text =
      key === 'submissionKey'
        ? issue.message
        : `Select whether ${party} can come on ${formatLongDate(key.slice(4))}, or leave it as not given yet`
    errors.fields[key] = { text }
    errors.summary.push({ text, href: `#${key}` })
  }
  return { ok: false, errors }
}
