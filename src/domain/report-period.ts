// The periods a report covers: a month, a quarter (January to March, April to June, July to
// September, October to December: the same for calendar and financial years), a year (the
// financial year councils contract by, April to March), or dates chosen. Every period runs from
// its first day to its last, both included. A long period is worked out a month at a time.
import { addDays, addMonths, compare, daysInMonth, diffDays, isValidIsoDate, type IsoDate } from './dates.ts'

export interface Period {
  from: IsoDate
  to: IsoDate
}

export const PERIOD_KINDS = ['month', 'quarter', 'year', 'dates'] as const
export type PeriodKind = (typeof PERIOD_KINDS)[number]

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

const pad = (n: number) => String(n).padStart(2, '0')
const lastDay = (year: number, month: number) => `${year}-${pad(month)}-${pad(daysInMonth(year, month))}`

/** "2026-11": November 2026. */
export function monthPeriod(key: string): Period | undefined {
  const m = /^(\d{4})-(\d{2})$/.exec(key)
  if (!m) return undefined
  const [year, month] = [Number(m[1]), Number(m[2])]
  if (month < 1 || month > 12 || year < 1900) return undefined
  return { from: `${m[1]}-${m[2]}-01`, to: lastDay(year, month) }
}

/** "2026-10": the quarter starting in October 2026 (its first month must start a quarter). */
export function quarterPeriod(key: string): Period | undefined {
  const first = monthPeriod(key)
  if (!first || (Number(key.slice(5)) - 1) % 3 !== 0) return undefined
  const end = addMonths(first.from, 2)
  return { from: first.from, to: lastDay(Number(end.slice(0, 4)), Number(end.slice(5, 7))) }
}

/** "2026": the financial year 1 April 2026 to 31 March 2027. */
export function yearPeriod(key: string): Period | undefined {
  if (!/^\d{4}$/.test(key) || Number(key) < 1900) return undefined
  return { from: `${key}-04-01`, to: `${Number(key) + 1}-03-31` }
}

/** The period's own name, when it is a whole month, quarter or financial year. */
export function periodName({ from, to }: Period): string | undefined {
  const [fy, fm] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))]
  const month = monthPeriod(from.slice(0, 7))
  if (month && month.from === from && month.to === to) return `${MONTHS[fm - 1]} ${fy}`
  const quarter = quarterPeriod(from.slice(0, 7))
  if (quarter && quarter.from === from && quarter.to === to) return `${MONTHS[fm - 1]} to ${MONTHS[fm + 1]} ${fy}`
  const year = yearPeriod(String(fy))
  if (year && year.from === from && year.to === to) return `April ${fy} to March ${fy + 1}`
  return undefined
}

/** A file name's part for the period: 2026-10-01-to-2026-12-31. */
export const periodSlug = ({ from, to }: Period) => `${from}-to-${to}`

export interface PeriodChoice {
  value: string
  text: string
}

/** The months to choose from: this one and the 23 before it, newest first. */
export function monthChoices(today: IsoDate): PeriodChoice[] {
  const start = `${today.slice(0, 7)}-01`
  return Array.from({ length: 24 }, (_, i) => {
    const key = addMonths(start, -i).slice(0, 7)
    return { value: key, text: periodName(monthPeriod(key)!)! }
  })
}

/** The quarters: this one and the 7 before it. */
export function quarterChoices(today: IsoDate): PeriodChoice[] {
  const month = Number(today.slice(5, 7))
  const start = `${today.slice(0, 4)}-${pad(month - ((month - 1) % 3))}-01`
  return Array.from({ length: 8 }, (_, i) => {
    const key = addMonths(start, -3 * i).slice(0, 7)
    return { value: key, text: periodName(quarterPeriod(key)!)! }
  })
}

/** The financial years: this one and the 4 before it. */
export function yearChoices(today: IsoDate): PeriodChoice[] {
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 4 ? 1 : 0)
  return Array.from({ length: 5 }, (_, i) => {
    const key = String(year - i)
    return { value: key, text: periodName(yearPeriod(key)!)! }
  })
}

/** The quarter before the one today is in: what a commissioner usually asks for. */
export function lastQuarter(today: IsoDate): Period {
  return quarterPeriod(quarterChoices(today)[1]!.value)!
}

/** Why a period cannot be reported on, or undefined. */
export function periodProblem({ from, to }: Period): { field: 'from' | 'to'; message: string } | undefined {
  if (!isValidIsoDate(from)) return { field: 'from', message: 'The start date must be a real date, as YYYY-MM-DD' }
  if (!isValidIsoDate(to)) return { field: 'to', message: 'The end date must be a real date, as YYYY-MM-DD' }
  if (compare(to, from) < 0) return { field: 'to', message: 'The end date must be the same as or after the start date' }
  return undefined
}

/** Days in the period, both ends included. */
export const periodDays = ({ from, to }: Period) => diffDays(from, to) + 1

/** The period in whole calendar months (the first and last may be part months), oldest first. */
export function monthlyChunks({ from, to }: Period): Period[] {
  const chunks: Period[] = []
  let start = from
  while (compare(start, to) <= 0) {
    const end = lastDay(Number(start.slice(0, 4)), Number(start.slice(5, 7)))
    const chunkEnd = compare(end, to) < 0 ? end : to
    chunks.push({ from: start, to: chunkEnd })
    start = addDays(chunkEnd, 1)
  }
  return chunks
}
