import { z } from 'zod'
import { APPEALABLE_KINDS } from '../../../domain/agreement-rules.ts'
import {
  asArray,
  combineErrors,
  fieldError,
  readDateInput,
  submissionKey,
  text,
  toFormErrors,
  type FormResult,
} from '../../../web/forms.ts'
import type { PointInput } from '../draft-service.ts'

export const pointSchema = z
  .object({
    _csrf: z.string(),
    version: z.string().max(10).optional(),
    responsiblePartyId: z.union([z.literal('none'), z.guid({ error: 'Select who will do it' })], {
      error: 'Select who will do it',
    }),
    responsibleName: text(false, 200, 'The name'),
    what: text('Enter what will be done, in the words everyone agreed', 4000, 'What will be done'),
    'byWhen-day': z.string().max(10).optional(),
    'byWhen-month': z.string().max(10).optional(),
    'byWhen-year': z.string().max(10).optional(),
    howKnown: text(false, 2000, 'How everyone will know'),
    appealableKind: z.enum(['none', ...APPEALABLE_KINDS], { error: 'Select whether it could otherwise be appealed' }),
    ownTimescale: z.preprocess(asArray, z.array(z.literal('yes', { error: 'Select from the list' })).max(1)),
  })
  .strict()

export const fieldOrder = [
  'responsiblePartyId',
  'responsibleName',
  'what',
  'byWhen-day',
  'byWhen-month',
  'byWhen-year',
  'howKnown',
  'appealableKind',
  'ownTimescale',
]

/** A new point's form also carries its one-time key. */
const newPointSchema = pointSchema.extend({ submissionKey })

export interface PointForm {
  point: PointInput
  version?: number
  submissionKey?: string
}

/** The point as typed, or the problems with it (the SMART advice is separate and never blocks). */
export function readPoint(body: Record<string, unknown>, adding = false): FormResult<PointForm> {
  const form = (adding ? newPointSchema : pointSchema).safeParse(body)
  const anyDate = ['day', 'month', 'year'].some((p) => String(body[`byWhen-${p}`] ?? '').trim() !== '')
  const date = anyDate ? readDateInput(body, 'byWhen', 'the date it will be done by') : undefined
  const dateErrors = date && !date.ok ? fieldError(date.anchor, date.message) : undefined
  const formErrors = form.success ? undefined : toFormErrors(form.error)
  const errors = combineErrors(fieldOrder, formErrors, dateErrors)
  if (errors || !form.success) return { ok: false, errors: errors! }
  const d = form.data
  return {
    ok: true,
    data: {
      version: d.version ? Number(d.version) : undefined,
      submissionKey: adding ? String(body.submissionKey) : undefined,
      point: {
        responsiblePartyId: d.responsiblePartyId === 'none' ? null : d.responsiblePartyId,
        responsibleName: d.responsibleName || null,
        what: d.what,
        byWhen: date?.ok ? date.value : null,
        howKnown: d.howKnown || null,
        appealableKind: d.appealableKind === 'none' ? null : d.appealableKind,
        ownTimescaleAgreed: d.ownTimescale.includes('yes'),
      },
    },
  }
}
