// Field-by-field checking in page order, for forms whose rules depend on each other: each field's
// first problem, in the summary in the order the page asks.
import type { z } from 'zod'
import { readDateInput, type DateRange, type FormErrors } from './forms.ts'

export function formChecks(form: Record<string, unknown>, today: string) {
  const errors: FormErrors = { summary: [], fields: {} }
  const fail = (field: string, message: string, anchor = field) => {
    if (errors.fields[field]) return
    errors.fields[field] = { text: message }
    errors.summary.push({ text: message, href: `#${anchor}` })
  }
  function check<T>(field: string, schema: z.ZodType<T>, value: unknown): T | undefined {
    const result = schema.safeParse(value ?? '')
    if (result.success) return result.data
    fail(field, result.error.issues[0]?.message ?? 'Check this answer')
    return undefined
  }
  /**
   * A date input: required unless `optional` and left blank; `notFuture` is the message if it is
   * after today, `past` the message unless it is before today; `range` the dates it may be in.
   */
  function date(
    name: string,
    label: string,
    opts: { optional?: boolean; notFuture?: string; past?: string; range?: DateRange } = {},
  ): string | undefined {
    const blank = ['day', 'month', 'year'].every((p) => !String(form[`${name}-${p}`] ?? '').trim())
    if (opts.optional && blank) return undefined
    const read = readDateInput(form, name, label, opts.range)
    if (!read.ok) return void fail(name, read.message, read.anchor)
    if (opts.notFuture && read.value > today) return void fail(name, opts.notFuture, `${name}-day`)
    if (opts.past && read.value >= today) return void fail(name, opts.past, `${name}-day`)
    return read.value
  }
  return { errors, fail, check, date, failed: () => errors.summary.length > 0 }
}

export const dateParts = (...names: string[]) => names.flatMap((d) => ['day', 'month', 'year'].map((p) => `${d}-${p}`))
