import { z } from 'zod'
import { capitalise } from '../../../web/forms.ts'
import { settingsSchema } from '../../settings/index.ts'

/** The limits the service settings themselves allow (so the form and the stored values agree). */
function limits(field: { unwrap(): z.ZodNumber }) {
  const number = field.unwrap()
  return { min: number.minValue ?? 1, max: number.maxValue ?? 30 }
}
export const chaserLimits = limits(settingsSchema.shape.chaserWorkingDays)
export const dueSoonLimits = limits(settingsSchema.shape.dueSoonWorkingDays)
export const reminderLimits = limits(settingsSchema.shape.meetingReminderDays)

/** A number of working days typed into a text input, with the GOV.UK messages. */
export function workingDays(what: string, { min, max }: { min: number; max: number }) {
  return z
    .string({ error: `Enter ${what}` })
    .trim()
    .min(1, { error: `Enter ${what}` })
    .regex(/^\d+$/, { error: `${capitalise(what)} must be a whole number, like 5` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, { error: `${capitalise(what)} must be between ${min} and ${max}` })
        .max(max, { error: `${capitalise(what)} must be between ${min} and ${max}` }),
    )
}

export const appealExclusions = ['move-out', 'skip-days', 'none'] as const

export const settingsFormSchema = z
  .object({
    _csrf: z.string(),
    /** The settings as the page showed them, to notice a change made by someone else meanwhile. */
    shown: z.string().max(200),
    appealExclusion: z.enum(appealExclusions, {
      error: 'Select how August and 25 December to 1 January count for appeal deadlines',
    }),
    chaserWorkingDays: workingDays('the number of working days before a chaser is suggested', chaserLimits),
    dueSoonWorkingDays: workingDays('the number of working days that count as due soon', dueSoonLimits),
    meetingReminderDays: workingDays(
      'the number of working days before a meeting that reminders go out',
      reminderLimits,
    ),
  })
  .strict()
