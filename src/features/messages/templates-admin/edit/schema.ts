import { z } from 'zod'
import { unknownPlaceholders, type MessageTemplate } from '../../../../domain/message-wording.ts'
import type { FormErrors, FormResult } from '../../../../web/forms.ts'
import { parseForm, text } from '../../../../web/forms.ts'
import { placeholderList } from '../../labels.ts'

export const subjectMaxLength = 200
export const bodyMaxLength = 5000

export const wordingSchema = z
  .object({
    _csrf: z.string(),
    action: z.enum(['preview', 'save']).catch('preview').default('preview'),
    subject: text('Enter the subject', subjectMaxLength, 'The subject'),
    body: text('Enter the message', bodyMaxLength, 'The message'),
  })
  .strict()

/** The form, and any placeholder the message does not have, named on the field that uses it. */
export function readWording(
  template: MessageTemplate,
  body: Record<string, unknown>,
): FormResult<z.infer<typeof wordingSchema>> {
  const form = parseForm(wordingSchema, body)
  const errors: FormErrors = form.ok ? { summary: [], fields: {} } : form.errors
  for (const field of ['subject', 'body'] as const) {
    const unknown = unknownPlaceholders(template, String(body[field] ?? ''))
    if (!unknown.length || errors.fields[field]) continue
    const text = `${field === 'subject' ? 'The subject' : 'The message'} uses ${placeholderList(unknown)}, which this message does not have. Use only ${placeholderList(template.placeholders)}`
    errors.fields[field] = { text }
    errors.summary.push({ text, href: `#${field}` })
  }
  errors.summary.sort((a, b) => (a.href === '#subject' ? -1 : b.href === '#subject' ? 1 : 0))
  return form.ok && !errors.summary.length ? form : { ok: false, errors }
}
