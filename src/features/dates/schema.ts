// "Work out your dates": the date on the council's letter and what the person has done so far.
// The answers come in the query string (the form is a GET), so the result can be bookmarked.
import { z } from 'zod'
import { capitalise, readDateInput, toFormErrors, type FormErrors, type FormResult } from '../../web/forms.ts'

export const stages = {
  nothing: 'Nothing yet',
  contacted: 'I have contacted the mediation service',
  declined: 'I said I do not want mediation',
  mediated: 'I had mediation',
  certificate: 'I have my mediation certificate',
} as const
export type Stage = keyof typeof stages

/**
 * The answers that need a date, asked in one "When did this happen?" question after the radios
 * (not revealed inside them: a conditional reveal puts aria-expanded on radios, which axe refuses),
 * and how its messages name it for each answer.
 */
export const stageDates = {
  declined: { label: 'the date you said you do not want mediation', legend: 'Date you said you do not want mediation' },
  mediated: { label: 'the date your mediation ended', legend: 'Date your mediation ended' },
  certificate: { label: 'the date on your mediation certificate', legend: 'Date on your mediation certificate' },
} as const
type DatedStage = keyof typeof stageDates

const dateParts = (name: string) =>
  Object.fromEntries(['day', 'month', 'year'].map((p) => [`${name}-${p}`, z.string().optional()]))

export const datesQuerySchema = z
  .object({ stage: z.string().optional(), ...dateParts('letter'), ...dateParts('when') })
  .strict()

export interface DatesAnswers {
  letter: string
  stage: Stage
  /** When the person declined, mediation ended, or the certificate was issued. */
  stageDate?: string
}

export const isDatedStage = (stage: Stage): stage is DatedStage => stage in stageDates

export function validateDates(query: unknown, today: string): FormResult<DatesAnswers> {
  const shape = datesQuerySchema.safeParse(query ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const values = shape.data as Record<string, string | undefined>
  const errors: FormErrors = { summary: [], fields: {} }
  const fail = (field: string, message: string, anchor = field) => {
    errors.fields[field] = { text: message }
    errors.summary.push({ text: message, href: `#${anchor}` })
  }

  const letter = readDateInput(values, 'letter', "the date on the council's letter")
  if (!letter.ok) fail('letter', letter.message, letter.anchor)
  else if (letter.value > today)
    fail('letter', "The date on the council's letter must be today or in the past", 'letter-day')

  const stage = values.stage && values.stage in stages ? (values.stage as Stage) : undefined
  if (!stage) fail('stage', 'Select what you have done so far')

  let stageDate: string | undefined
  if (stage && isDatedStage(stage)) {
    const field = 'when'
    const { label } = stageDates[stage]
    const read = readDateInput(values, field, label)
    if (!read.ok) fail(field, read.message, read.anchor)
    else if (read.value > today) fail(field, `${capitalise(label)} must be today or in the past`, `${field}-day`)
    else if (letter.ok && read.value < letter.value)
      fail(field, `${capitalise(label)} must be the same as or after the date on the council's letter`, `${field}-day`)
    else stageDate = read.value
  }

  if (errors.summary.length || !letter.ok || !stage) return { ok: false, errors }
  return { ok: true, data: { letter: letter.value, stage, stageDate } }
}
