import { z } from 'zod'
import { APPEALABLE_KINDS } from '../../../domain/agreement-rules.ts'
import { asArray, readDateInput, text, type FormErrors } from '../../../web/forms.ts'
import type { PointInput } from '../service.ts'
import { combine, problem } from '../page.ts'

export const pointSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
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

/** The point as typed, or the problems with it (the SMART advice is separate and never blocks). */
export function readPoint(
  body: Record<string, unknown>,
): { ok: true; point: PointInput; version?: number } | { ok: false; errors: FormErrors } {
  const form = pointSchema.safeParse(body)
  const anyDate = ['day', 'month', 'year'].some((p) => String(body[`byWhen-${p}`] ?? '').trim() !== '')
  const date = anyDate ? readDateInput(body, 'byWhen', 'the date it will be done by') : undefined
  const dateErrors = date && !date.ok ? problem(date.anchor, date.message) : undefined
  const formErrors = form.success
    ? undefined
    : (() => {
        const fields: FormErrors['fields'] = {}
        const summary: FormErrors['summary'] = []
        for (const issue of form.error.issues) {
          if (issue.code === 'unrecognized_keys') {
            fields.form ??= { text: 'The form had information it did not ask for. Reload the page and try again.' }
            if (!summary.some((s) => s.href === '#main-content'))
              summary.push({ text: fields.form.text, href: '#main-content' })
            continue
          }
          const key = issue.path.join('.')
          if (fields[key]) continue
          fields[key] = { text: issue.message }
          summary.push({ text: issue.message, href: `#${key}` })
        }
        return { fields, summary }
      })()
  const errors = combine(fieldOrder, formErrors, dateErrors)
  if (errors || !form.success) return { ok: false, errors: errors! }
  const d = form.data
  return {
    ok: true,
    version: d.version ? Number(d.version) : undefined,
    point: {
      responsiblePartyId: d.responsiblePartyId === 'none' ? null : d.responsiblePartyId,
      responsibleName: d.responsibleName || null,
      what: d.what,
      byWhen: date?.ok ? date.value : null,
      howKnown: d.howKnown || null,
      appealableKind: d.appealableKind === 'none' ? null : d.appealableKind,
      ownTimescaleAgreed: d.ownTimescale.includes('yes'),
    },
  }
}
