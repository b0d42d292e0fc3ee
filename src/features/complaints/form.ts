// What the complaints forms share: reading their dates (GOV.UK date inputs, none in the future)
// together with the schema's own checks, in the order of the page's fields.
import type { z } from 'zod'
import {
  capitalise,
  combineErrors,
  dateProblem,
  fieldError,
  parseForm,
  readDateInput,
  type FormErrors,
  type FormResult,
} from '../../web/forms.ts'

export interface DateField {
  name: string
  /** As in "Enter the date the complaint was received". */
  label: string
}

/** A form's schema and its date inputs read together; each date must be today or earlier. */
export function parseWithDates<S extends z.ZodType, D extends string>(
  schema: S,
  body: Record<string, unknown>,
  dates: readonly (DateField & { name: D })[],
  today: string,
  order: string[],
  check?: (fields: Fields, dates: Partial<Record<D, string>>) => FormErrors | undefined,
): FormResult<z.infer<S> & Record<D, string>> {
  const form = parseForm(schema, body)
  const read = dates.map((d) => ({ d, result: readDateInput(body, d.name, d.label) }))
  const future = read.map(({ d, result }) =>
    result.ok && result.value > today
      ? fieldError(`${d.name}-day`, `${capitalise(d.label)} must be today or in the past`)
      : undefined,
  )
  const typed: Partial<Record<D, string>> = {}
  for (const { d, result } of read) if (result.ok) typed[d.name] = result.value
  // The checks across fields run on what was typed, so that every problem shows at once.
  const fields = (name: string) => (typeof body[name] === 'string' ? (body[name] as string).trim() : '')
  const errors = combineErrors(
    order,
    form.ok ? undefined : form.errors,
    ...read.map((r) => dateProblem(r.result)),
    ...future,
    check?.(fields, typed),
  )
  if (errors || !form.ok) return { ok: false, errors: errors! }
  return { ok: true, data: { ...(form.data as object), ...typed } as z.infer<S> & Record<D, string> }
}

/** A field as typed (trimmed; '' when absent), for the checks across fields. */
export type Fields = (name: string) => string
