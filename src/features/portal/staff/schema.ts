import { z } from 'zod'
import type { PermissionInput } from '../staff-service.ts'
import {
  combineErrors,
  dateProblem,
  parseForm,
  readDateInput,
  submissionKey,
  text,
  type FormResult,
} from '../../../web/forms.ts'

export const permissionSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    party: z.guid({ error: 'Select who the permission is for' }),
    givenBy: text('Enter the name of the parent or young person who gave permission', 200, 'The name'),
    'givenOn-day': z.string().optional(),
    'givenOn-month': z.string().optional(),
    'givenOn-year': z.string().optional(),
    how: text(false, 200, 'How it was given'),
    forWhat: text(false, 500, 'What it is for'),
  })
  .strict()

export const permissionFieldOrder = [
  'party',
  'givenBy',
  'givenOn-day',
  'givenOn-month',
  'givenOn-year',
  'how',
  'forWhat',
]

/** The form with its date: what the service records, or every problem in the order of the fields. */
export function readPermission(body: Record<string, unknown>): FormResult<PermissionInput> {
  const form = parseForm(permissionSchema, body)
  const date = readDateInput(body, 'givenOn', 'the date permission was given')
  const errors = combineErrors(permissionFieldOrder, form.ok ? undefined : form.errors, dateProblem(date))
  if (errors || !form.ok || !date.ok) return { ok: false, errors: errors! }
  const { party, givenBy, how, forWhat, submissionKey } = form.data
  return { ok: true, data: { partyId: party, givenBy, givenOn: date.value, how, forWhat, submissionKey } }
}
