// Form validation the GOV.UK way: each problem is a message for a field, shown in the error
// summary (linking to the field) and beside the field, with everything the person typed kept.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { unsupportedDate } from '../domain/calendar.ts'
import { isValidIsoDate } from '../domain/dates.ts'
import type { Result } from '../domain/result.ts'
import { capitalise } from '../domain/text.ts'
import { notFound } from './errors.ts'

export { capitalise }

export interface FormErrors {
  /** For govukErrorSummary: in the order of the fields. */
  summary: { text: string; href: string }[]
  /** For each field's errorMessage. */
  fields: Record<string, { text: string }>
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FormErrors }

/** Form bodies arrive as strings (or arrays of them, for checkboxes); unknown fields are refused. */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const result = schema.safeParse(body ?? {})
  if (result.success) return { ok: true, data: result.data }
  return { ok: false, errors: toFormErrors(result.error) }
}

export function toFormErrors(error: z.ZodError): FormErrors {
  const fields: FormErrors['fields'] = {}
  const summary: FormErrors['summary'] = []
  for (const issue of error.issues) {
    // A field the form never had: someone is sending more than the page asked for.
    if (issue.code === 'unrecognized_keys') {
      if (!fields.form) {
        fields.form = { text: 'The form had information it did not ask for. Reload the page and try again.' }
        summary.push({ text: fields.form.text, href: '#main-content' }) // no one field to link to
      }
      continue
    }
    const key = issue.path.length ? issue.path.join('.') : 'form'
    if (fields[key]) continue // the first problem with a field is the one to fix
    fields[key] = { text: issue.message }
    // A date's message links to the first of its three inputs, as GOV.UK does.
    // The one-time key is a hidden field: its problem links to the page's main content.
    const anchor =
      key === 'submissionKey' ? 'main-content' : ((issue as { params?: { anchor?: string } }).params?.anchor ?? key)
    summary.push({ text: issue.message, href: `#${anchor}` })
  }
  return { summary, fields }
}

export function fieldError(field: string, message: string): FormErrors {
  return { summary: [{ text: message, href: `#${field}` }], fields: { [field]: { text: message } } }
}

/** Re-render a form with its errors: status 400 and the "Error: " title prefix (in the layout). */
export function renderInvalid(reply: FastifyReply, template: string, errors: FormErrors, context: object) {
  return reply.code(400).view(template, { ...context, errors })
}

/** Where to go after a form's work is done, and what to tell the person there. */
export interface Done {
  redirect: string
  flash?: string
}

export interface FormPage<T> {
  /** The form's fields: the page's schema, with any checks it cannot make (dates, say). */
  parse(body: Record<string, unknown>): FormResult<T>
  /** The page again, with what was typed and the problems (the status is already set). */
  render(reply: FastifyReply, extra: { values: Record<string, unknown>; errors: FormErrors }): unknown
  /** The one service call the form makes: where to go next, or why not. */
  submit(data: T): Promise<Result<Done>>
  /** The field a refusal that names none points at. */
  field: string
}

/**
 * The form pattern, once: parse; on a problem re-render with 400 and everything typed kept; else
 * call the service; a refusal re-renders with its reason on its field (409 when someone else
 * changed the record first, the not-found page when it has gone); success redirects (303).
 */
export async function submitForm<T>(request: FastifyRequest, reply: FastifyReply, page: FormPage<T>) {
  const values = (request.body ?? {}) as Record<string, unknown>
  const form = page.parse(values)
  if (!form.ok) return page.render(reply.code(400), { values, errors: form.errors })
  const result = await page.submit(form.data)
  if (!result.ok) {
    if (result.code === 'not-found') return notFound(request, reply)
    const errors = fieldError(result.field ?? page.field, result.reason)
    return page.render(reply.code(result.code === 'stale' ? 409 : 400), { values, errors })
  }
  if (result.flash) request.session.flash = result.flash
  return reply.redirect(result.redirect, 303)
}

/** Always an array, for checkbox groups (one ticked box arrives as a string). */
export function asArray(value: unknown): unknown {
  if (value === undefined || value === '') return []
  return Array.isArray(value) ? value : [value]
}

/**
 * The one-time key every form that creates something carries (a hidden field, filled in by the
 * template's submissionKey()); a create without it is refused rather than run unprotected.
 */
export const submissionKey = z.guid({ error: 'This form is out of date. Reload the page and try again.' })

/** A text field: trimmed; required with the given message; at most `max` characters. */
export function text(required: string | false, max = 200, label = 'This') {
  const base = z.string({ error: required || `${label} must be text` }).trim()
  const limited = base.max(max, { error: `${label} must be ${max} characters or fewer` })
  return required ? limited.min(1, { error: required }) : limited.optional().default('')
}

export type DateInputResult = { ok: true; value: string } | { ok: false; message: string; anchor: string }

/**
 * Which dates a date input takes: 'case' (the default) from the SEND reforms (1 September 2014) to
 * the end of the calendar; 'long-ago' from 25 years earlier, for dates of birth and for a person's
 * own history (training, a link that ended years ago).
 */
export type DateRange = 'case' | 'long-ago'

/**
 * Reads a GOV.UK date input (fields NAME-day, NAME-month, NAME-year) as YYYY-MM-DD, with the
 * GOV.UK messages: what is missing, that it must be a real date, or the range it must be in.
 */
export function readDateInput(
  body: Record<string, unknown>,
  name: string,
  label: string,
  range: DateRange = 'case',
): DateInputResult {
  const part = (p: string) => String(body[`${name}-${p}`] ?? '').trim()
  const [day, month, year] = [part('day'), part('month'), part('year')]
  const missing = (['day', 'month', 'year'] as const).filter((p) => !part(p))
  if (missing.length === 3) return { ok: false, message: `Enter ${label}`, anchor: `${name}-day` }
  if (missing.length) {
    return {
      ok: false,
      message: `${capitalise(label)} must include a ${missing.join(' and ')}`,
      anchor: `${name}-${missing[0]}`,
    }
  }
  const value = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`
  const real = /^\d{1,2}$/.test(day) && /^\d{1,2}$/.test(month) && /^\d{4}$/.test(year) && isValidIsoDate(value)
  if (!real) return { ok: false, message: `${capitalise(label)} must be a real date`, anchor: `${name}-day` }
  const outside = unsupportedDate(value, range === 'long-ago' ? 'birth' : 'event')
  if (outside) return { ok: false, message: `${capitalise(label)} ${outside}`, anchor: `${name}-day` }
  return { ok: true, value }
}

/** The three parts of an ISO date, to fill a date input again. */
export function dateInputValues(name: string, iso: string | undefined): Record<string, string> {
  if (!iso) return {}
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y ?? '' }
}

/**
 * One form's problems from its schema and its date inputs together, in the order of the page's
 * fields (a date's key is NAME-day). Undefined when there are none.
 */
export function combineErrors(order: string[], ...parts: (FormErrors | undefined)[]): FormErrors | undefined {
  const fields: FormErrors['fields'] = {}
  const summary: FormErrors['summary'] = []
  for (const part of parts) {
    if (!part) continue
    Object.assign(fields, part.fields)
    summary.push(...part.summary.filter((s) => !summary.some((t) => t.href === s.href)))
  }
  if (!summary.length && !Object.keys(fields).length) return undefined
  const rank = (href: string) => {
    const i = order.indexOf(href.slice(1))
    return i < 0 ? order.length : i
  }
  summary.sort((a, b) => rank(a.href) - rank(b.href))
  return { summary, fields }
}

/** A GOV.UK date input's problem as form errors (keyed by the input the summary links to). */
export function dateProblem(
  result: { ok: true } | { ok: false; message: string; anchor: string },
): FormErrors | undefined {
  return result.ok ? undefined : fieldError(result.anchor, result.message)
}

/** Options for govukRadios / govukCheckboxes from a label map, with the chosen ones ticked. */
export const itemsOf = (labels: Record<string, string>, checked?: string | string[]) =>
  Object.entries(labels).map(([value, text]) => ({
    value,
    text,
    ...(checked !== undefined ? { checked: [checked].flat().includes(value) } : {}),
  }))
