// The columns form: one choice per field, each a heading of the file (or none); a field a case
// needs must have one, and no column may be two fields.
import { z } from 'zod'
import type { FormErrors, FormResult } from '../../../web/forms.ts'
import { importFields } from '../fields.ts'

const shape = z.object({
  _csrf: z.string().optional(),
  ...Object.fromEntries(importFields.map((f) => [f.key, z.string().trim().optional().default('')])),
})

export function readColumns(body: Record<string, unknown>, headers: string[]): FormResult<Record<string, string>> {
  const errors: FormErrors = { summary: [], fields: {} }
  const problem = (field: string, text: string) => {
    errors.summary.push({ text, href: `#${field}` })
    errors.fields[field] = { text }
  }
  const form = shape.strict().safeParse(body)
  if (!form.success) {
    problem('form', 'The form had information it did not ask for. Reload the page and try again.')
    errors.summary[0]!.href = '#main-content'
    return { ok: false, errors }
  }
  const values = form.data as Record<string, string>
  const mapping: Record<string, string> = {}
  const usedBy = new Map<string, string>()
  for (const field of importFields) {
    const column = values[field.key] ?? ''
    if (column && !headers.includes(column)) problem(field.key, `Choose a column of the file for ${lower(field.label)}`)
    else if (!column && field.required) problem(field.key, `Choose the column that holds ${lower(field.label)}`)
    else if (column && usedBy.has(column))
      problem(field.key, `The column ${column} is chosen already for ${lower(usedBy.get(column)!)}: choose another`)
    else if (column) {
      mapping[field.key] = column
      usedBy.set(column, field.label)
    }
  }
  return errors.summary.length ? { ok: false, errors } : { ok: true, data: mapping }
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1)
