import { z } from 'zod'
import {
  capitalise,
  combineErrors,
  dateProblem,
  fieldError,
  parseForm,
  readDateInput,
  submissionKey,
  text,
  type FormResult,
} from '../../../web/forms.ts'
import { kindNames, type RightsKind } from '../labels.ts'

const email = z
  .string()
  .trim()
  .max(254)
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
    error: 'Enter an email address in the correct format, like name@example.com',
  })
  .optional()
  .default('')

export const newRequestSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    kind: z.enum(Object.keys(kindNames) as [RightsKind], { error: 'Select what the person asked for' }),
    council: z.guid({ error: 'Select the council' }),
    requesterName: text('Enter the name of the person who asked', 200, 'Their name'),
    requesterRelationship: text(false, 200, 'Who they are'),
    subjectName: text('Enter the name of the person the data is about', 200, 'The name'),
    subjectEmail: email,
    subjectPhone: text(false, 40, 'The phone number'),
    'subjectDateOfBirth-day': z.string().optional(),
    'subjectDateOfBirth-month': z.string().optional(),
    'subjectDateOfBirth-year': z.string().optional(),
    details: text(false, 5000, 'What they asked for'),
    'receivedOn-day': z.string().optional(),
    'receivedOn-month': z.string().optional(),
    'receivedOn-year': z.string().optional(),
  })
  .strict()

export const fieldOrder = [
  'kind',
  'council',
  'requesterName',
  'requesterRelationship',
  'subjectName',
  'subjectEmail',
  'subjectPhone',
  'subjectDateOfBirth-day',
  'details',
  'receivedOn-day',
]

export type NewRequestForm = z.infer<typeof newRequestSchema> & { receivedOn: string; subjectDateOfBirth?: string }

const typed = (body: Record<string, unknown>, name: string) =>
  typeof body[name] === 'string' ? (body[name] as string).trim() : ''

/** The form with its dates: received today or earlier; a date of birth only if one was typed; what to correct or erase said. */
export function parseNewRequest(body: Record<string, unknown>, today: string): FormResult<NewRequestForm> {
  const form = parseForm(newRequestSchema, body)
  const received = readDateInput(body, 'receivedOn', 'the date the request was received')
  const dobTyped = ['day', 'month', 'year'].some((p) => typed(body, `subjectDateOfBirth-${p}`))
  const dob = dobTyped ? readDateInput(body, 'subjectDateOfBirth', 'their date of birth', 'long-ago') : undefined
  const kind = typed(body, 'kind')
  const errors = combineErrors(
    fieldOrder,
    form.ok ? undefined : form.errors,
    dateProblem(received),
    dob ? dateProblem(dob) : undefined,
    received.ok && received.value > today
      ? fieldError('receivedOn-day', `${capitalise('the date the request was received')} must be today or in the past`)
      : undefined,
    (kind === 'rectification' || kind === 'erasure') && !typed(body, 'details')
      ? fieldError(
          'details',
          kind === 'rectification'
            ? 'Enter what they say is wrong, and what it should be'
            : 'Enter what they asked us to erase',
        )
      : undefined,
  )
  if (errors || !form.ok || !received.ok) return { ok: false, errors: errors! }
  return {
    ok: true,
    data: { ...form.data, receivedOn: received.value, subjectDateOfBirth: dob?.ok ? dob.value : undefined },
  }
}
