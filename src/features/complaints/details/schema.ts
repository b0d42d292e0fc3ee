import { z } from 'zod'
import { combineErrors, fieldError, text, type FormErrors } from '../../../web/forms.ts'
import type { Fields } from '../form.ts'
import { aboutNames } from '../labels.ts'

const optionalId = z.preprocess((v) => (v === '' ? undefined : v), z.guid().optional())

/** What the complaint is about, what happened and when, and what they want: the record form's and the details form's. */
export const aboutFields = {
  about: z.enum(Object.keys(aboutNames) as [keyof typeof aboutNames], { error: 'Select what the complaint is about' }),
  aboutMediator: optionalId,
  aboutUser: optionalId,
  whatHappened: text('Enter what happened', 5000, 'What happened'),
  'happenedOn-day': z.string().optional(),
  'happenedOn-month': z.string().optional(),
  'happenedOn-year': z.string().optional(),
  wantedOutcome: text(false, 2000, 'What they want'),
}

export const aboutOrder = ['about', 'aboutMediator', 'aboutUser', 'whatHappened', 'happenedOn-day', 'wantedOutcome']

export const happenedOnDate = { name: 'happenedOn', label: 'when it happened' } as const

export function aboutProblems(field: Fields): FormErrors | undefined {
  if (field('about') === 'mediator' && !field('aboutMediator'))
    return fieldError('aboutMediator', 'Select the mediator')
  if (field('about') === 'staff' && !field('aboutUser')) return fieldError('aboutUser', 'Select the member of staff')
  return undefined
}

export const detailsSchema = z.object({ _csrf: z.string(), version: z.coerce.number().int(), ...aboutFields }).strict()

export const detailsOrder = aboutOrder

export const detailsProblems = (field: Fields) => combineErrors(detailsOrder, aboutProblems(field))
