// Small checks for the journey's forms. Each schema accepts the fields as strings and checks
// them in one pass, in the order they are on the page, so that the error summary lists every
// problem at once (GOV.UK) and in page order.
import { z } from 'zod'
import { asArray, capitalise, readDateInput, type DateRange } from '../../web/forms.ts'

export const optionalText = z.string().optional()
export const checkboxes = z.preprocess(asArray, z.array(z.string()))

/** The three inputs of a GOV.UK date input called `name`. */
export function dateFields<N extends string>(name: N) {
  return {
    [`${name}-day`]: optionalText,
    [`${name}-month`]: optionalText,
    [`${name}-year`]: optionalText,
  } as Record<`${N}-${'day' | 'month' | 'year'}`, typeof optionalText>
}

export type Ctx = z.RefinementCtx

export function report(ctx: Ctx, field: string, message: string, anchor = field) {
  ctx.addIssue({ code: 'custom', path: [field], message, params: { anchor } })
}

/** Trimmed text; '' if empty and optional. Reports a missing or too long answer. */
export function textAnswer(
  ctx: Ctx,
  value: string | undefined,
  field: string,
  opts: { required?: string | false; max?: number; label: string },
): string {
  const text = (value ?? '').trim()
  const max = opts.max ?? 200
  if (!text && opts.required) report(ctx, field, opts.required)
  else if (text.length > max) report(ctx, field, `${capitalise(opts.label)} must be ${max} characters or fewer`)
  return text
}

/** One of a word list's keys, or undefined (reported) if none or an unknown one was chosen. */
export function choice<K extends string>(
  ctx: Ctx,
  value: string | undefined,
  words: Record<K, string>,
  field: string,
  message: string,
): K | undefined {
  if (value && Object.hasOwn(words, value)) return value as K
  report(ctx, field, message)
  return undefined
}

/** The keys ticked in a checkbox group, in the word list's order; at least one unless `required` is false. */
export function choices<K extends string>(
  ctx: Ctx,
  values: string[],
  words: Record<K, string>,
  field: string,
  required: string | false,
): K[] {
  const known = (Object.keys(words) as K[]).filter((k) => values.includes(k))
  if (known.length !== new Set(values).size) report(ctx, field, required || 'Select from the list')
  else if (!known.length && required) report(ctx, field, required)
  return known
}

/**
 * A GOV.UK date input as YYYY-MM-DD. `label` is lower case, as in "the date of the letter".
 * Returns '' if it is optional and left empty; undefined if there is a problem (reported).
 */
export function dateAnswer(
  ctx: Ctx,
  body: Record<string, unknown>,
  name: string,
  label: string,
  opts: { optional?: boolean; rule?: (iso: string) => string | undefined; range?: DateRange } = {},
): string | undefined {
  const empty = ['day', 'month', 'year'].every((p) => !String(body[`${name}-${p}`] ?? '').trim())
  if (empty && opts.optional) return ''
  const read = readDateInput(body, name, label, opts.range)
  if (!read.ok) {
    report(ctx, name, read.message, read.anchor)
    return undefined
  }
  const broken = opts.rule?.(read.value)
  if (broken) {
    report(ctx, name, broken, `${name}-day`)
    return undefined
  }
  return read.value
}

/** An email address, loosely: something@something.something, no spaces. */
export const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254

/** A UK phone number, loosely: 10 or 11 digits starting 0, or +44 / 0044 and 9 or 10 digits. */
export function looksLikeUkPhone(s: string): boolean {
  const digits = s.replace(/[\s().-]/g, '')
  return /^(?:0\d{9,10}|(?:\+44|0044)(?:\(0\))?\d{9,10})$/.test(digits)
}
