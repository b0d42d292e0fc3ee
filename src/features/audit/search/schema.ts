// The audit search's filters, as typed in the query string: who, which case (its reference), what
// kind, and the days from and to; a value that cannot be read is named and left out.
import { z } from 'zod'
import { auditKindKeys } from '../kinds.ts'

const text = z.string().trim().max(100).optional().catch(undefined)

export const querySchema = z.object({
  who: z.uuid().optional().catch(undefined),
  case: text,
  kind: z.enum(auditKindKeys).optional().catch(undefined),
  from: text,
  to: text,
  /** The keyset of the page before: "<at>~<source>~<id>". */
  after: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z~[123]~\d{1,18}$/)
    .optional()
    .catch(undefined),
})
export type AuditSearchQuery = z.infer<typeof querySchema>

/** A day typed as 17/5/2026 (or 2026-05-17) -> YYYY-MM-DD; undefined when none was typed; null when it cannot be read. */
export function readDay(value: string | undefined): string | undefined | null {
  if (!value) return undefined
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const [y, m, d] = dmy
    ? [Number(dmy[3]), Number(dmy[2]), Number(dmy[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [0, 0, 0]
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null
  return date.toISOString().slice(0, 10)
}
