// The fields of the workflow forms, described once so that one template draws them and one
// function checks them in the order they appear: the error summary then reads top to bottom.
import { z } from 'zod'
import { asArray, capitalise, readDateInput, text, type FormErrors } from '../../../web/forms.ts'

export type Field =
  | {
      kind: 'radios'
      name: string
      legend: string
      hint?: string
      options: { value: string; text: string; hint?: string }[]
      error: string
    }
  | {
      kind: 'text'
      name: string
      label: string
      hint?: string
      required: string | false
      max: number
      errorLabel: string
    }
  | {
      kind: 'textarea'
      name: string
      label: string
      hint?: string
      required: string | false
      max: number
      errorLabel: string
    }
  | { kind: 'checkbox'; name: string; legend: string; text: string }
  /** A GOV.UK date input; `label` is used in messages ("Enter the date it happened"). */
  | { kind: 'date'; name: string; legend: string; hint?: string; label: string; notInFuture: boolean }

export type Values = Record<string, string | boolean>

const dateParts = ['day', 'month', 'year'] as const

/** The names a form of these fields may send: anything else is refused. */
function shapeOf(fields: readonly Field[]) {
  const shape: Record<string, z.ZodType> = { _csrf: z.string(), version: z.string().optional() }
  for (const f of fields) {
    if (f.kind === 'date') for (const p of dateParts) shape[`${f.name}-${p}`] = z.string().optional()
    else if (f.kind === 'checkbox') shape[f.name] = z.preprocess(asArray, z.array(z.string()))
    else shape[f.name] = z.string().optional()
  }
  return z.object(shape).strict()
}

export const unexpectedFields = 'The form had information it did not ask for. Reload the page and try again.'

/** Checks each field in order; returns the values (trimmed text, ISO dates, booleans) or the errors. */
export function checkFields(
  fields: readonly Field[],
  body: unknown,
  today: string,
): { ok: true; values: Values } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = { summary: [], fields: {} }
  const fail = (name: string, message: string, anchor = name) => {
    errors.fields[name] = { text: message }
    errors.summary.push({ text: message, href: `#${anchor}` })
  }
  const shape = shapeOf(fields).safeParse(body ?? {})
  if (!shape.success) {
    fail('form', unexpectedFields, 'case-now')
    return { ok: false, errors }
  }
  const b = shape.data as Record<string, unknown>
  const values: Values = {}
  for (const f of fields) {
    switch (f.kind) {
      case 'radios': {
        const v = typeof b[f.name] === 'string' ? (b[f.name] as string) : ''
        if (!f.options.some((o) => o.value === v)) fail(f.name, f.error)
        else values[f.name] = v
        break
      }
      case 'text':
      case 'textarea': {
        const result = text(f.required, f.max, f.errorLabel).safeParse(b[f.name] ?? '')
        if (!result.success) fail(f.name, result.error.issues[0]?.message ?? (f.required || 'Check this'))
        else values[f.name] = result.data ?? ''
        break
      }
      case 'checkbox':
        values[f.name] = (b[f.name] as string[]).includes('yes')
        break
      case 'date': {
        const result = readDateInput(b, f.name, f.label)
        if (!result.ok) fail(f.name, result.message, result.anchor)
        else if (f.notInFuture && result.value > today)
          fail(f.name, `${capitalise(f.label)} must be today or in the past`, `${f.name}-day`)
        else values[f.name] = result.value
        break
      }
    }
  }
  return errors.summary.length ? { ok: false, errors } : { ok: true, values }
}

/** One more problem with a field, placed in the summary where the field is in the form. */
export function addFieldError(fields: readonly Field[], errors: FormErrors, name: string, message: string): FormErrors {
  const anchorOf = (n: string) => (fields.find((f) => f.name === n)?.kind === 'date' ? `${n}-day` : n)
  const next: FormErrors = {
    summary: [...errors.summary, { text: message, href: `#${anchorOf(name)}` }],
    fields: { ...errors.fields, [name]: { text: message } },
  }
  const rank = (href: string) => {
    const i = fields.findIndex((f) => href === `#${f.name}` || href.startsWith(`#${f.name}-`))
    return i < 0 ? fields.length : i
  }
  next.summary.sort((a, b) => rank(a.href) - rank(b.href))
  return next
}

/** The version the form carried; a missing or altered one can never match, so it reads as stale. */
export function versionOf(body: unknown): number {
  const raw = (body as { version?: unknown } | null)?.version
  const n = Number(raw)
  return Number.isInteger(n) && n > 0 ? n : 0
}

/** The occurredOn field every workflow form ends with. */
export function occurredOnField(legend: string): Field {
  return {
    kind: 'date',
    name: 'occurredOn',
    legend,
    hint: 'For example, 27 11 2026. Today unless it happened earlier.',
    label: 'the date it happened',
    notInFuture: true,
  }
}

/** What was typed, to show again: a ticked checkbox reads "yes" however it arrived. */
export function typedValues(fields: readonly Field[], body: unknown): Record<string, unknown> {
  const b = { ...((body ?? {}) as Record<string, unknown>) }
  for (const f of fields)
    if (f.kind === 'checkbox') b[f.name] = (asArray(b[f.name]) as unknown[]).includes('yes') ? 'yes' : ''
  return b
}
