// The reports' query strings and form: the choice of council and period (a month, a quarter, a
// financial year, or dates typed), read into a council and the period's first and last days.
import { z } from 'zod'
import { isValidIsoDate } from '../../domain/dates.ts'
import {
  PERIOD_KINDS,
  monthPeriod,
  periodProblem,
  quarterPeriod,
  yearPeriod,
  type Period,
} from '../../domain/report-period.ts'
import {
  combineErrors,
  dateProblem,
  fieldError,
  readDateInput,
  submissionKey,
  type FormErrors,
} from '../../web/forms.ts'

const one = (v: unknown) => (Array.isArray(v) ? v[0] : v)
const optional = z.preprocess(one, z.string().trim().optional()).catch(undefined)

export const chooseQuery = z.object({
  council: optional,
  period: z.preprocess(one, z.enum(PERIOD_KINDS).optional()).catch(undefined),
  month: optional,
  quarter: optional,
  year: optional,
})

export const periodLabels = {
  month: 'A month',
  quarter: 'A quarter',
  year: 'A financial year (April to March)',
  dates: 'Dates I choose',
} as const

/** The choice read: the council and period, or the problems to show with what was chosen kept. */
export function readChoice(
  raw: Record<string, unknown>,
): { ok: true; council: string; period: Period } | { ok: false; errors: FormErrors } {
  const q = chooseQuery.parse(raw)
  const problems: (FormErrors | undefined)[] = []
  if (!q.council) problems.push(fieldError('council', 'Select a council'))
  let period: Period | undefined
  if (q.period === 'month') {
    period = q.month ? monthPeriod(q.month) : undefined
    if (!period) problems.push(fieldError('month', 'Select a month'))
  } else if (q.period === 'quarter') {
    period = q.quarter ? quarterPeriod(q.quarter) : undefined
    if (!period) problems.push(fieldError('quarter', 'Select a quarter'))
  } else if (q.period === 'year') {
    period = q.year ? yearPeriod(q.year) : undefined
    if (!period) problems.push(fieldError('year', 'Select a year'))
  } else if (q.period === 'dates') {
    const from = readDateInput(raw, 'from', 'the first day')
    const to = readDateInput(raw, 'to', 'the last day')
    problems.push(dateProblem(from), dateProblem(to))
    if (from.ok && to.ok) {
      const problem = periodProblem({ from: from.value, to: to.value })
      if (problem) problems.push(fieldError('to-day', 'The last day must be the same as or after the first day'))
      else period = { from: from.value, to: to.value }
    }
  } else {
    problems.push(fieldError('period', 'Select the period the report is for'))
  }
  const errors = combineErrors(['council', 'period', 'month', 'quarter', 'year', 'from-day', 'to-day'], ...problems)
  if (errors || !period || !q.council) return { ok: false, errors: errors ?? fieldError('period', 'Select a period') }
  return { ok: true, council: q.council, period }
}

/** A report's address: ?council=...&from=YYYY-MM-DD&to=YYYY-MM-DD. Undefined when it cannot be read. */
export function readReportQuery(raw: unknown): { council: string; period: Period } | undefined {
  const q = z
    .object({ council: optional, from: optional, to: optional })
    .catch({ council: undefined, from: undefined, to: undefined })
    .parse(raw ?? {})
  if (!q.council || !isValidIsoDate(q.from) || !isValidIsoDate(q.to)) return undefined
  const period = { from: q.from, to: q.to }
  return periodProblem(period) ? undefined : { council: q.council, period }
}

export const reportQueryString = (council: string, period: Period) =>
  new URLSearchParams({ council, from: period.from, to: period.to }).toString()

/** Asking for a long report to be worked out in the background. */
export const runForm = z.object({
  submissionKey,
  council: z.string().trim().min(1),
  from: z.string().refine(isValidIsoDate),
  to: z.string().refine(isValidIsoDate),
})
