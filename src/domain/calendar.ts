// Working days for statutory clocks. A working day is not a Saturday, Sunday, Christmas Day,
// Good Friday or an England & Wales bank holiday. Christmas Day and Good Friday are common-law
// holidays, not bank holidays, so they are worked out here too: they stay non-working even for
// years the bank-holiday file does not cover.
//
// The bank holidays are GOV.UK's published ones (shipped from 2014, refreshed by an
// administrator); every later year is worked out by the standing rules (bank-holiday-rules.ts)
// and is provisional until GOV.UK publishes it. The table runs at least to CALENDAR_UNTIL_YEAR,
// and the dates people may enter are those the calendar supports (SUPPORTED_DATES).
import shippedBankHolidays from './bank-holidays.json' with { type: 'json' }
import { easterSunday, standingBankHolidays } from './bank-holiday-rules.ts'
import { formatLongDate, fromDayNumber, isValidIsoDate, parseIsoDate, toDayNumber, type IsoDate } from './dates.ts'

export { easterSunday }

/** The last year the calendar's table reaches, published or provisional (at least 10 years ahead). */
export const CALENDAR_UNTIL_YEAR = 2040

/**
 * The dates the service works with: from the SEND reforms (1 September 2014) to the end of the
 * calendar's table. A date of birth may be up to 25 years earlier (a young person is 25 at most).
 */
export const SUPPORTED_DATES = {
  from: '2014-09-01',
  until: `${CALENDAR_UNTIL_YEAR}-12-31`,
  birthFrom: '1989-09-01',
} as const

/** Why a date is outside the supported range, in words naming the range; undefined when inside. */
export function unsupportedDate(date: IsoDate, kind: 'event' | 'birth' = 'event'): string | undefined {
  const from = kind === 'birth' ? SUPPORTED_DATES.birthFrom : SUPPORTED_DATES.from
  if (date >= from && date <= SUPPORTED_DATES.until) return undefined
  return `must be between ${formatLongDate(from)} and ${formatLongDate(SUPPORTED_DATES.until)}`
}

export interface BankHolidayEvent {
  title: string
  date: IsoDate
  notes: string
  bunting: boolean
}

export interface BankHolidayDivision {
  division: string
  events: BankHolidayEvent[]
}

/** The shape of GOV.UK's https://www.gov.uk/bank-holidays.json. */
export interface BankHolidaysFile {
  'england-and-wales': BankHolidayDivision
  scotland?: BankHolidayDivision
  'northern-ireland'?: BankHolidayDivision
}

export type ParseResult = { ok: true; data: BankHolidaysFile } | { ok: false; error: string }

export interface Calendar {
  isWorkingDay(date: IsoDate): boolean
  /** n = 0: the date itself if a working day, else the next one. n >= 1: the nth working day after date. */
  addWorkingDays(date: IsoDate, n: number): IsoDate
  /** The nth working day before date (n >= 1); n = 0 is the date itself if a working day, else the one before. */
  subtractWorkingDays(date: IsoDate, n: number): IsoDate
  nextWorkingDayOnOrAfter(date: IsoDate): IsoDate
  /**
   * Working days in (a, b] when b >= a, negated working days in (b, a] when b < a: so "working days
   * left" from today to a due date is 0 on the day, 1 the working day before, -1 a working day late.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number
  /** First and last years of the table: published years, then provisional ones at least to CALENDAR_UNTIL_YEAR. */
  coveredFromYear: number
  coveredUntilYear: number
  /** The last year of GOV.UK's published bank holidays; later years are provisional. */
  publishedUntilYear: number
  /** False for dates outside the table (before its first year or after its last). */
  isCovered(date: IsoDate): boolean
  /** True for dates in a year of published bank holidays; a provisional year's may still change. */
  isPublished(date: IsoDate): boolean
  /** True for dates after the published years: their working days may change once GOV.UK publishes them. */
  isProvisional(date: IsoDate): boolean
  /** Each year of the table with its England and Wales bank holidays, and whether it is provisional. */
  years(): { year: number; provisional: boolean; holidays: BankHolidayEvent[] }[]
}

const DIVISIONS = ['england-and-wales', 'scotland', 'northern-ireland'] as const
const GOV_UK_HINT = 'Download it again from https://www.gov.uk/bank-holidays.json and upload it unchanged.'

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function parseDivision(name: string, value: unknown): BankHolidayDivision | string {
  if (!isRecord(value)) return `The "${name}" section should be a set of named values, but it is not.`
  if (value.division !== undefined && value.division !== name) {
    return `The "${name}" section says it is for "${String(value.division)}".`
  }
  if (!Array.isArray(value.events)) return `The "${name}" section has no list of events.`
  const events: BankHolidayEvent[] = []
  for (const [index, event] of value.events.entries()) {
    const where = `Bank holiday number ${index + 1} in "${name}"`
    if (!isRecord(event)) return `${where} is not a title and a date.`
    if (typeof event.title !== 'string' || event.title.trim() === '') return `${where} has no title.`
    if (!isValidIsoDate(event.date)) {
      return `${where} ("${event.title}") has the date ${JSON.stringify(event.date)}, which is not a real date written as YYYY-MM-DD.`
    }
    if (event.notes !== undefined && typeof event.notes !== 'string')
      return `${where} ("${event.title}") has notes that are not text.`
    if (event.bunting !== undefined && typeof event.bunting !== 'boolean') {
      return `${where} ("${event.title}") has a "bunting" value that is not true or false.`
    }
    events.push({ title: event.title, date: event.date, notes: event.notes ?? '', bunting: event.bunting ?? false })
  }
  return { division: name, events }
}

/** Checks an uploaded bank-holidays file (text or parsed JSON), with messages an administrator can act on. */
export function parseBankHolidaysFile(json: unknown): ParseResult {
  let value = json
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json)
    } catch {
      return { ok: false, error: `The file is not valid JSON. ${GOV_UK_HINT}` }
    }
  }
  if (!isRecord(value))
    return { ok: false, error: `The file does not look like GOV.UK's bank holidays file. ${GOV_UK_HINT}` }
  if (value['england-and-wales'] === undefined) {
    return { ok: false, error: `The file has no "england-and-wales" section. ${GOV_UK_HINT}` }
  }
  const divisions: Partial<Record<(typeof DIVISIONS)[number], BankHolidayDivision>> = {}
  for (const name of DIVISIONS) {
    if (value[name] === undefined) continue
    const parsed = parseDivision(name, value[name])
    if (typeof parsed === 'string') return { ok: false, error: `${parsed} ${GOV_UK_HINT}` }
    divisions[name] = parsed
  }
  const englandAndWales = divisions['england-and-wales']
  if (!englandAndWales || englandAndWales.events.length === 0) {
    return { ok: false, error: `The file lists no bank holidays for England and Wales. ${GOV_UK_HINT}` }
  }
  // A gap would make coveredUntilYear claim years whose holidays are missing.
  const years = new Set(englandAndWales.events.map((event) => parseIsoDate(event.date).year))
  const first = Math.min(...years)
  const last = Math.max(...years)
  for (let year = first; year <= last; year++) {
    if (!years.has(year)) {
      return {
        ok: false,
        error: `The file has no England and Wales bank holidays for ${year}, so it looks incomplete. ${GOV_UK_HINT}`,
      }
    }
  }
  return { ok: true, data: { ...divisions, 'england-and-wales': englandAndWales } }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0)
    throw new RangeError(`A number of working days must be a whole number 0 or more, got ${n}`)
}

/** Builds a calendar from GOV.UK-format data; throws an Error with the validator's message if it is malformed. */
export function createCalendar(bankHolidaysJson: unknown): Calendar {
  const parsed = parseBankHolidaysFile(bankHolidaysJson)
  if (!parsed.ok) throw new Error(parsed.error)
  const events = parsed.data['england-and-wales'].events
  const holidays = new Set(events.map((event) => toDayNumber(event.date)))
  const years = events.map((event) => parseIsoDate(event.date).year)
  const coveredFromYear = Math.min(...years)
  const publishedUntilYear = Math.max(...years)
  const coveredUntilYear = Math.max(publishedUntilYear, CALENDAR_UNTIL_YEAR)

  // Years after the published ones, by the standing rules, worked out when first asked for.
  const provisional = new Map<number, Set<number>>()
  function provisionalHolidays(year: number): Set<number> {
    let days = provisional.get(year)
    if (!days) {
      days = new Set(standingBankHolidays(year).map((h) => toDayNumber(h.date)))
      provisional.set(year, days)
    }
    return days
  }

  const goodFridays = new Map<number, number>()
  function goodFriday(year: number): number {
    let day = goodFridays.get(year)
    if (day === undefined) {
      day = toDayNumber(easterSunday(year)) - 2
      goodFridays.set(year, day)
    }
    return day
  }

  // Day numbers keep the stepping loops free of string parsing; each day is worked out once.
  const known = new Map<number, boolean>()
  function isWorkingDayNumber(day: number): boolean {
    let working = known.get(day)
    if (working === undefined) {
      working = workOut(day)
      known.set(day, working)
    }
    return working
  }
  function workOut(day: number): boolean {
    const weekday = (((day + 4) % 7) + 7) % 7
    if (weekday === 0 || weekday === 6 || holidays.has(day)) return false
    const date = fromDayNumber(day)
    const year = Number(date.slice(0, 4))
    if (year > publishedUntilYear && provisionalHolidays(year).has(day)) return false
    return !date.endsWith('-12-25') && day !== goodFriday(year)
  }

  // Working days counted from a fixed day, so that the days between two dates are one subtraction
  // rather than a walk over every day between them (a case's deadlines from years ago, say).
  const countFrom = toDayNumber('1900-01-01')
  const countTo = toDayNumber('2200-12-31')
  let counted = new Int32Array(0) // counted[i]: working days in (countFrom, countFrom + i]
  function workingDaysSince(day: number): number | undefined {
    if (day < countFrom || day > countTo) return undefined
    const i = day - countFrom
    if (i >= counted.length) {
      const grown = new Int32Array(Math.min(countTo - countFrom + 1, Math.max(i + 1, counted.length * 2, 366 * 40)))
      grown.set(counted)
      for (let j = counted.length; j < grown.length; j++)
        grown[j] = j === 0 ? 0 : grown[j - 1]! + (isWorkingDayNumber(countFrom + j) ? 1 : 0)
      counted = grown
    }
    return counted[i]!
  }

  function step(date: IsoDate, n: number, direction: 1 | -1): IsoDate {
    assertCount(n)
    let day = toDayNumber(date)
    if (n === 0) {
      while (!isWorkingDayNumber(day)) day += direction
      return fromDayNumber(day)
    }
    for (let found = 0; found < n;) {
      day += direction
      if (isWorkingDayNumber(day)) found++
    }
    return fromDayNumber(day)
  }

  return {
    isWorkingDay: (date) => isWorkingDayNumber(toDayNumber(date)),
    addWorkingDays: (date, n) => step(date, n, 1),
    subtractWorkingDays: (date, n) => step(date, n, -1),
    nextWorkingDayOnOrAfter: (date) => step(date, 0, 1),
    workingDaysBetween(a, b) {
      const from = toDayNumber(a)
      const to = toDayNumber(b)
      const [low, high, sign] = from <= to ? [from, to, 1] : [to, from, -1]
      const [untilLow, untilHigh] = [workingDaysSince(low), workingDaysSince(high)]
      let count = 0
      if (untilLow !== undefined && untilHigh !== undefined) count = untilHigh - untilLow
      else for (let day = low + 1; day <= high; day++) if (isWorkingDayNumber(day)) count++
      return sign === 1 ? count : 0 - count // never -0
    },
    coveredFromYear,
    coveredUntilYear,
    publishedUntilYear,
    isCovered(date) {
      const { year } = parseIsoDate(date)
      return year >= coveredFromYear && year <= coveredUntilYear
    },
    isPublished(date) {
      const { year } = parseIsoDate(date)
      return year >= coveredFromYear && year <= publishedUntilYear
    },
    isProvisional: (date) => parseIsoDate(date).year > publishedUntilYear,
    years() {
      const table = []
      for (let year = coveredFromYear; year <= coveredUntilYear; year++) {
        const published = year <= publishedUntilYear
        table.push({
          year,
          provisional: !published,
          holidays: published
            ? events.filter((e) => e.date.startsWith(`${year}-`))
            : standingBankHolidays(year).map((h) => ({ ...h, notes: h.notes || 'Provisional' })),
        })
      }
      return table
    },
  }
}

/** The calendar from the bank holidays shipped with the product. */
export function createShippedCalendar(): Calendar {
  return createCalendar(shippedBankHolidays)
}

export { shippedBankHolidays }
