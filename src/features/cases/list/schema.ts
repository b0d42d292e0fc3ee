// The list's query string. Nothing here fails the page: an unknown filter value or sort is
// ignored, a bad page number reads as page 1; only a date that cannot be read gets a message.
import { z } from 'zod'
import { asArray } from '../../../web/forms.ts'
import { caseChannels, caseScopes, caseStatuses } from '../labels.ts'
import { sortKeys } from '../repository.ts'

const pick = (allowed: readonly string[]) =>
  z
    .preprocess(asArray, z.array(z.unknown()))
    .transform((values) => [
      ...new Set(values.filter((v): v is string => typeof v === 'string' && allowed.includes(v))),
    ])
    .catch([])

const optionalText = z.preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().optional()).catch(undefined)

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
