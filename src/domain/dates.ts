// Calendar dates as 'YYYY-MM-DD' strings. Statutory periods count whole days, so dates carry no
// time or zone: arithmetic is on day numbers (days since 1970-01-01), never on local-time Dates.

export type IsoDate = string

export interface DateParts {
  year: number
  /** 1-12 */
  month: number
  day: number
}

/** 0 = Sunday ... 6 = Saturday, as Date#getUTCDay. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/
// Four-digit years only, so that string order is date order.
const MIN_YEAR = 1
const MAX_YEAR = 9999

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function partsOrUndefined(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined
  const match = ISO_DATE.exec(value)
  if (!match) return undefined
  const year = Number(match[1])
  const month = Number(match[2])
  const day = Number(match[3])
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

/** True for a real calendar date written exactly as YYYY-MM-DD. */
export function isValidIsoDate(value: unknown): value is IsoDate {
  return partsOrUndefined(value) !== undefined
}

/** Splits a date into numbers; throws RangeError if it is not a real YYYY-MM-DD date. */
export function parseIsoDate(value: string): DateParts {
  const parts = partsOrUndefined(value)
  if (!parts) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${JSON.stringify(value)}`)
  return parts
}

export function toIsoDate({ year, month, day }: DateParts): IsoDate {
  const text = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  if (!Number.isInteger(year) || year > MAX_YEAR || !isValidIsoDate(text)) {
    throw new RangeError(`Not a valid date: ${year}-${month}-${day}`)
  }
  return text
}

// Howard Hinnant's days_from_civil / civil_from_days: exact integer arithmetic for the proleptic
// Gregorian calendar, free of any time zone or DST behaviour.
function dayNumberFromParts({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146097 + dayOfEra - 719468
}

function partsFromDayNumber(dayNumber: number): DateParts {
  const z = dayNumber + 719468
  const era = Math.floor(z / 146097)
  const dayOfEra = z - era * 146097
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  )
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100))
  const mp = Math.floor((5 * dayOfYear + 2) / 153)
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1
  const month = mp < 10 ? mp + 3 : mp - 9
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day }
}

/** Days since 1970-01-01 (negative before it). */
export function toDayNumber(date: IsoDate): number {
  return dayNumberFromParts(parseIsoDate(date))
}

export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isSafeInteger(dayNumber)) throw new RangeError(`Not a whole day number: ${dayNumber}`)
  return toIsoDate(partsFromDayNumber(dayNumber))
}

function assertWhole(n: number, what: string): void {
  if (!Number.isSafeInteger(n)) throw new RangeError(`${what} must be a whole number, got ${n}`)
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertWhole(days, 'days')
  return fromDayNumber(toDayNumber(date) + days)
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  assertWhole(weeks, 'weeks')
  return addDays(date, weeks * 7)
}

/** Same day of the month, clamped to the target month's last day: 31 Dec + 2 months = 28/29 Feb. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertWhole(months, 'months')
  const { year, month, day } = parseIsoDate(date)
  const index = year * 12 + (month - 1) + months
  const targetYear = Math.floor(index / 12)
  const targetMonth = index - targetYear * 12 + 1
  return toIsoDate({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) })
}

export function dayOfWeek(date: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday
}

export function isWeekend(date: IsoDate): boolean {
  const weekday = dayOfWeek(date)
  return weekday === 0 || weekday === 6
}

/** -1, 0 or 1; usable as an Array#sort comparator. */
export function compare(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  parseIsoDate(a)
  parseIsoDate(b)
  // Fixed-width four-digit years make string order the same as date order.
  return a < b ? -1 : a > b ? 1 : 0
}

export function max(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  parseIsoDate(first)
  return rest.reduce((best, date) => (compare(date, best) > 0 ? date : best), first)
}

export function min(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  parseIsoDate(first)
  return rest.reduce((best, date) => (compare(date, best) < 0 ? date : best), first)
}

/** Signed number of days from a to b: diffDays('2026-01-01', '2026-01-03') === 2. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a)
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const
const MONTH_NAMES = [
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

/** "Wednesday 23 December 2026": for rule explanations built in the domain, without Intl. */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = parseIsoDate(date)
  return `${WEEKDAY_NAMES[dayOfWeek(date)]} ${day} ${MONTH_NAMES[month - 1]} ${year}`
}
