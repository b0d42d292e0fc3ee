// GET /api/v1/reports/summary: the query it takes and the answer's shape, for the route and the
// OpenAPI document. A figure that is suppressed (1 to 4, or hidden so that one cannot be worked
// out from the totals) is { "count": null, "suppressed": true }: its number is never sent.
import { z } from 'zod'
import { unsupportedDate } from '../../../../domain/calendar.ts'
import { isValidIsoDate } from '../../../../domain/dates.ts'

const isoDay = (what: string) =>
  z
    .string({ error: 'This field is required' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: `Give the ${what} as YYYY-MM-DD, for example 2026-10-01` })
    // A day outside the range the calendar supports is named with the range (never a 500).
    .superRefine((d, ctx) => {
      const outside = isValidIsoDate(d) ? unsupportedDate(d) : undefined
      if (outside) ctx.addIssue({ code: 'custom', message: `The ${what} ${outside}` })
    })

export const summaryQuery = z.object({ from: isoDay('first day'), to: isoDay('last day') })

const figure = z
  .union([
    z.object({ count: z.number().int().min(0), suppressed: z.literal(false) }),
    z.object({ count: z.null(), suppressed: z.literal(true) }),
  ])
  .meta({ description: 'A count, or { "count": null, "suppressed": true } for a small number (or one hidden with it)' })

const derived = z.object({
  label: z.string(),
  unit: z.enum(['percent', 'days']),
  value: z.number().nullable().meta({ description: 'null when suppressed, or when there is nothing to work out' }),
  suppressed: z.boolean(),
})

const table = z.object({
  id: z.string(),
  title: z.string(),
  section: z.string().meta({ description: 'The id of the section the table is in' }),
  rule: z.string().meta({ description: 'Which date puts a figure in the period' }),
  rowHeading: z.string(),
  columns: z.array(z.string()),
  rows: z.array(z.object({ key: z.string(), label: z.string(), cells: z.array(figure), total: figure.optional() })),
  totals: z.object({ cells: z.array(figure), total: figure.optional() }).optional(),
  derived: z.array(derived),
})

export const summaryResponse = z.object({
  council: z.object({ name: z.string() }),
  from: z.string(),
  to: z.string(),
  suppression: z.string(),
  sections: z.array(z.object({ id: z.string(), title: z.string(), tables: z.array(table) })),
})
