// The results page's query: the period (dates typed as 17/5/2026), and for staff a mediator and a
// council. A date that cannot be read gets a message and its default; anything else unknown is ignored.
import { z } from 'zod'
import { fieldError, combineErrors, type FormErrors } from '../../../web/forms.ts'

const optionalText = z
  .preprocess((v) => (Array.isArray(v) ? v[0] : v), z.string().trim().max(20).optional())
  .catch(undefined)

export const feedbackQuery = z.object({
  from: optionalText,
  to: optionalText,
  mediator: z.guid().optional().catch(undefined),
  council: z.guid().optional().catch(undefined),
})

/** 17/5/2026 or 2026-05-17 -> 2026-05-17; undefined when it is not a real date. */
export function readDay(value: string): string | undefined {
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(value)
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  const [y, m, d] = dmy ? [dmy[3], dmy[2], dmy[1]].map(Number) : iso ? [iso[1], iso[2], iso[3]].map(Number) : []
  if (!y || !m || !d) return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (y < 1900 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

/** The quarter (January to March, ...) that `today` is in: its first day, and today. */
export function quarterSoFar(today: string) {
  const month = Number(today.slice(5, 7))
  const first = String(month - ((month - 1) % 3)).padStart(2, '0')
  return { from: `${today.slice(0, 4)}-${first}-01`, to: today }
}

const asTyped = (iso: string) => `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`

export function readFeedbackQuery(raw: unknown, today: string) {
  const q = feedbackQuery.parse(raw ?? {})
  const period = quarterSoFar(today)
  const from = q.from ? readDay(q.from) : period.from
  const to = q.to ? readDay(q.to) : period.to
  const problems: (FormErrors | undefined)[] = [
    from ? undefined : fieldError('from', 'Enter the first day as a real date, like 1/10/2026'),
    to ? undefined : fieldError('to', 'Enter the last day as a real date, like 31/12/2026'),
    from && to && from > to ? fieldError('to', 'The last day must be the same as or after the first day') : undefined,
  ]
  const errors = combineErrors(['from', 'to'], ...problems)
  const chosen = errors ? period : { from: from!, to: to! }
  return {
    query: { ...chosen, mediatorId: q.mediator, councilId: q.council },
    values: {
      from: q.from ?? asTyped(chosen.from),
      to: q.to ?? asTyped(chosen.to),
      mediator: q.mediator ?? '',
      council: q.council ?? '',
    },
    errors,
  }
}
