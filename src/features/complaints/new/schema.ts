import { z } from 'zod'
import { combineErrors, fieldError, submissionKey, text, type FormErrors } from '../../../web/forms.ts'
import type { Fields } from '../form.ts'
import { aboutFields, aboutOrder, aboutProblems, happenedOnDate } from '../details/schema.ts'
import { prefersNames, staffReceivedVia } from '../labels.ts'

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.guid().optional())
const dateParts = (name: string) => ({
  [`${name}-day`]: z.string().optional(),
  [`${name}-month`]: z.string().optional(),
  [`${name}-year`]: z.string().optional(),
})

export const recordSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    caseId: optionalId,
    council: optionalId,
    complainant: z.string().optional(),
    otherName: text(false, 200, 'Their name'),
    otherRelationship: text(false, 200, 'Who they are'),
    otherEmail: z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
        error: 'Enter an email address in the correct format, like name@example.com',
      })
      .optional()
      .default(''),
    otherPhone: text(false, 40, 'The phone number'),
    otherAddress: text(false, 500, 'The address'),
    prefers: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(Object.keys(prefersNames) as [keyof typeof prefersNames]).optional(),
    ),
    receivedVia: z.enum(Object.keys(staffReceivedVia) as [keyof typeof staffReceivedVia], {
      error: 'Select how the complaint arrived',
    }),
    ...dateParts('receivedOn'),
    ...aboutFields,
    startStage: z.enum(['informal', 'formal'], { error: 'Select the stage it starts at' }),
  })
  .strict()

export const recordOrder = [
  'council',
  'complainant',
  'otherName',
  'otherRelationship',
  'otherEmail',
  'otherPhone',
  'otherAddress',
  'prefers',
  'receivedVia',
  'receivedOn-day',
  ...aboutOrder,
  'startStage',
]

export const recordDates = [
  { name: 'receivedOn', label: 'the date the complaint was received' },
  happenedOnDate,
] as const

/** What the schema alone cannot say: who, by the case or not; how to reach someone else; the dates in order. */
export function recordProblems(
  field: Fields,
  dates: { receivedOn?: string; happenedOn?: string },
): FormErrors | undefined {
  const problems: (FormErrors | undefined)[] = []
  const caseId = field('caseId')
  const prefers = field('prefers')
  if (caseId && !field('complainant')) problems.push(fieldError('complainant', 'Select who made the complaint'))
  if (!caseId && !field('council')) problems.push(fieldError('council', 'Select the council'))
  if (!caseId || field('complainant') === 'other') {
    if (!field('otherName')) problems.push(fieldError('otherName', 'Enter the name of the person who complained'))
    if (!prefers) problems.push(fieldError('prefers', 'Select how they want to hear from us'))
    else if (prefers === 'email' && !field('otherEmail'))
      problems.push(fieldError('otherEmail', 'Enter their email address, or choose another way to reach them'))
    else if (prefers === 'post' && !field('otherAddress'))
      problems.push(fieldError('otherAddress', 'Enter their postal address, or choose another way to reach them'))
    else if (prefers === 'phone' && !field('otherPhone'))
      problems.push(fieldError('otherPhone', 'Enter their phone number, or choose another way to reach them'))
    if (prefers && !field('otherEmail') && !field('otherAddress'))
      problems.push(
        fieldError('otherEmail', 'Enter an email address or a postal address, so that we can send our answer'),
      )
  }
  if (dates.happenedOn && dates.receivedOn && dates.happenedOn > dates.receivedOn)
    problems.push(fieldError('happenedOn-day', 'The date it happened must be on or before the date it was received'))
  problems.push(aboutProblems(field))
  return combineErrors(recordOrder, ...problems)
}
