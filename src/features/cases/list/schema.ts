// The list's query string. Nothing here fails the page: an unknown filter value or sort is
// ignored, a bad page number reads as page 1; only a date that cannot be read gets a message.
import { z } from 'zod'
import { caseReferencePattern } from '../../../domain/case-reference.ts'
import { asArray, type FormErrors } from '../../../web/forms.ts'
import { caseChannels, caseScopes, caseStatuses } from '../labels.ts'
import { sortKeys, type SortKey, type SortOrder } from './query.ts'
import { columns, type ListParams } from './view-model.ts'

const pick = (allowed: readonly string[]) =>
  z
    .preprocess(asArray, z.array(z.unknown()))
    .transform((values) => [
      ...new Set(values.filter((v): v is string => typeof v === 'string' && allowed.includes(v))),
    ])
    .catch([])

const optionalText = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().optional()).catch(undefined)

/** A case reference in a page link; anything else reads as no cursor. */
const cursor = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().regex(caseReferencePattern).optional())
  .catch(undefined)

export const listQuerySchema = z.object({
  q: optionalText,
  status: pick(Object.keys(caseStatuses)),
  scope: pick(Object.keys(caseScopes)),
  channel: pick(Object.keys(caseChannels)),
  receivedFrom: optionalText,
  receivedTo: optionalText,
  sort: z.enum(sortKeys).optional().catch(undefined),
  order: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1),
  // The page after (or before) the case with this reference: the links of a long list.
  after: cursor,
  before: cursor,
})
export type ListQuery = z.infer<typeof listQuerySchema>

export const searchMaxLength = 100

/** A filter date typed as 17/5/2026 (or 2026-05-17, as the date picker may send) -> YYYY-MM-DD. */
export function readFilterDate(value: string | undefined): { ok: true; value?: string } | { ok: false } {
  if (!value) return { ok: true }
  let d: number, m: number, y: number
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
  else if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else return { ok: false }
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return { ok: false }
  return { ok: true, value: date.toISOString().slice(0, 10) }
}

/**
 * The list's query string read: the filters to apply (a search too long, or a date that cannot
 * be read, is left out with a message), what to show in the form again, and any problems.
 */
export function readListQuery(raw: unknown): {
  params: ListParams
  receivedFrom?: string
  receivedTo?: string
  values: Record<string, unknown>
  errors?: FormErrors
} {
  const query = listQuerySchema.parse(raw ?? {})
  const errors: FormErrors = { summary: [], fields: {} }
  const problem = (field: string, text: string) => {
    errors.summary.push({ text, href: `#${field}` })
    errors.fields[field] = { text }
  }
  let search = query.q || undefined
  if (search && search.length > searchMaxLength) {
    problem('q', `Search must be ${searchMaxLength} characters or fewer`)
    search = undefined
  }
  const from = readFilterDate(query.receivedFrom)
  if (!from.ok) problem('receivedFrom', 'Received from must be a real date, like 17/5/2026')
  const to = readFilterDate(query.receivedTo)
  if (!to.ok) problem('receivedTo', 'Received to must be a real date, like 17/5/2026')
  const receivedFrom = from.ok ? from.value : undefined
  const receivedTo = to.ok ? to.value : undefined
  const order: SortOrder | undefined = query.sort
    ? (query.order ?? columns.find((c) => c.key === (query.sort as SortKey))!.firstOrder)
    : undefined
  return {
    params: {
      q: search,
      status: query.status,
      scope: query.scope,
      channel: query.channel,
      receivedFrom: receivedFrom && query.receivedFrom,
      receivedTo: receivedTo && query.receivedTo,
      sort: query.sort,
      order,
      page: query.page,
      after: query.after,
      before: query.after ? undefined : query.before,
    },
    receivedFrom,
    receivedTo,
    values: { ...query, q: query.q ?? '' },
    errors: errors.summary.length ? errors : undefined,
  }
}
