// Cross-checks the shipped bank-holidays.json (written by hand) against an independent computation
// of the regular England & Wales holidays, with the one-off changes listed explicitly.
import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import data from './bank-holidays.json' with { type: 'json' }
import { standingBankHolidays } from './bank-holiday-rules.ts'
import { CALENDAR_UNTIL_YEAR, createShippedCalendar, parseBankHolidaysFile } from './calendar.ts'

const FIRST_YEAR = 2014
const LAST_YEAR = 2028

// Independent of src/domain: Date.UTC rather than dates.ts, and the anonymous Gregorian
// (Meeus/Jones/Butcher) algorithm rather than the one calendar.ts uses.
function iso(date: Date): string {
  return date.toISOString().slice(0, 10)
}
function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day))
}
function plusDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

function easterAnonymous(year: number): Date {
  const a = year % 19
  const b = Math.floor(year / 100)
  const c = year % 100
  const d = Math.floor(b / 4)
  const e = b % 4
  const f = Math.floor((b + 8) / 25)
  const g = Math.floor((b - f + 1) / 3)
  const h = (19 * a + b - d - g + 15) % 30
  const i = Math.floor(c / 4)
  const k = c % 4
  const l = (32 + 2 * e + 2 * i - h - k) % 7
  const m = Math.floor((a + 11 * h + 22 * l) / 451)
  const month = Math.floor((h + l - 7 * m + 114) / 31)
  const day = ((h + l - 7 * m + 114) % 31) + 1
  return utc(year, month, day)
}

function firstMonday(year: number, month: number): Date {
  const first = utc(year, month, 1)
  return plusDays(first, (8 - first.getUTCDay()) % 7)
}

function lastMonday(year: number, month: number): Date {
  const last = utc(year, month + 1, 0)
  return plusDays(last, -((last.getUTCDay() + 6) % 7))
}

interface Expected {
  date: string
  title: string
  substitute: boolean
}

function regularHolidays(year: number): Expected[] {
  const list: Expected[] = []
  const add = (date: Date, title: string, substitute = false) => list.push({ date: iso(date), title, substitute })
  const newYear = utc(year, 1, 1)
  const nyShift = newYear.getUTCDay() === 6 ? 2 : newYear.getUTCDay() === 0 ? 1 : 0
  add(plusDays(newYear, nyShift), 'New Year’s Day', nyShift > 0)
  const easter = easterAnonymous(year)
  add(plusDays(easter, -2), 'Good Friday')
  add(plusDays(easter, 1), 'Easter Monday')
  add(firstMonday(year, 5), 'Early May bank holiday')
  add(lastMonday(year, 5), 'Spring bank holiday')
  add(lastMonday(year, 8), 'Summer bank holiday')
  const christmas = utc(year, 12, 25)
  switch (christmas.getUTCDay()) {
    case 5: // Boxing Day on Saturday
      add(christmas, 'Christmas Day')
      add(utc(year, 12, 28), 'Boxing Day', true)
      break
    case 6: // both at the weekend
      add(utc(year, 12, 27), 'Christmas Day', true)
      add(utc(year, 12, 28), 'Boxing Day', true)
      break
    case 0: // Boxing Day on Monday, Christmas substitute after it
      add(utc(year, 12, 26), 'Boxing Day')
      add(utc(year, 12, 27), 'Christmas Day', true)
      break
    default:
      add(christmas, 'Christmas Day')
      add(utc(year, 12, 26), 'Boxing Day')
  }
  return list
}

// One-off changes by royal proclamation: what replaced what.
const SPECIAL_DAYS: { year: number; removed: string[]; added: Expected[] }[] = [
  {
    year: 2020,
    removed: ['2020-05-04'],
    added: [{ date: '2020-05-08', title: 'Early May bank holiday (VE day)', substitute: false }],
  },
  {
    year: 2022,
    removed: ['2022-05-30'],
    added: [
      { date: '2022-06-02', title: 'Spring bank holiday', substitute: false },
      { date: '2022-06-03', title: 'Platinum Jubilee bank holiday', substitute: false },
      { date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II', substitute: false },
    ],
  },
  {
    year: 2023,
    removed: [],
    added: [{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III', substitute: false }],
  },
]

function expectedFor(year: number): Expected[] {
  const special = SPECIAL_DAYS.find((s) => s.year === year)
  const list = regularHolidays(year).filter((e) => !special?.removed.includes(e.date))
  return [...list, ...(special?.added ?? [])].sort((a, b) => a.date.localeCompare(b.date))
}

const events = data['england-and-wales'].events

describe('bank-holidays.json', () => {
  it('has the GOV.UK shape and passes the upload validator', () => {
    assert.deepEqual(Object.keys(data).sort(), ['england-and-wales', 'northern-ireland', 'scotland'])
    assert.equal(data['england-and-wales'].division, 'england-and-wales')
    assert.equal(data.scotland.division, 'scotland')
    assert.equal(data['northern-ireland'].division, 'northern-ireland')
    for (const event of events) assert.deepEqual(Object.keys(event), ['title', 'date', 'notes', 'bunting'])
    const parsed = parseBankHolidaysFile(data)
    assert.equal(parsed.ok, true, parsed.ok ? '' : parsed.error)
  })

  it('is sorted by date without duplicates', () => {
    const dates = events.map((e) => e.date)
    assert.deepEqual(dates, [...new Set(dates)].sort())
  })

  it('matches the computed holidays for every year from 2014 to 2028', () => {
    const years = new Set(events.map((e) => Number(e.date.slice(0, 4))))
    assert.deepEqual(
      [...years],
      Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i),
    )
    for (const year of years) {
      const actual = events
        .filter((e) => e.date.startsWith(`${year}-`))
        .map((e) => ({ date: e.date, title: e.title, substitute: e.notes === 'Substitute day' }))
      assert.deepEqual(actual, expectedFor(year), `England and Wales bank holidays for ${year}`)
    }
  })

  it('lists the known special days explicitly', () => {
    const byDate = new Map(events.map((e) => [e.date, e.title]))
    assert.equal(byDate.get('2020-05-08'), 'Early May bank holiday (VE day)')
    assert.equal(byDate.has('2020-05-04'), false)
    assert.equal(byDate.get('2022-06-02'), 'Spring bank holiday')
    assert.equal(byDate.get('2022-06-03'), 'Platinum Jubilee bank holiday')
    assert.equal(byDate.has('2022-05-30'), false)
    assert.equal(byDate.get('2022-09-19'), 'Bank Holiday for the State Funeral of Queen Elizabeth II')
    assert.equal(byDate.get('2023-05-08'), 'Bank holiday for the coronation of King Charles III')
    // Christmas and Boxing Day substitutes
    assert.equal(byDate.get('2020-12-28'), 'Boxing Day')
    assert.equal(byDate.get('2021-12-27'), 'Christmas Day')
    assert.equal(byDate.get('2021-12-28'), 'Boxing Day')
    assert.equal(byDate.get('2022-12-26'), 'Boxing Day')
    assert.equal(byDate.get('2022-12-27'), 'Christmas Day')
    assert.equal(byDate.get('2026-12-28'), 'Boxing Day')
    assert.equal(byDate.get('2027-12-27'), 'Christmas Day')
    assert.equal(byDate.get('2027-12-28'), 'Boxing Day')
    // New Year substitutes
    for (const date of ['2022-01-03', '2023-01-02', '2028-01-03'])
      assert.equal(byDate.get(date), 'New Year’s Day', date)
  })

  it('uses GOV.UK notes and bunting conventions', () => {
    for (const event of events) {
      assert.ok(event.notes === '' || event.notes === 'Substitute day', `${event.date} notes`)
      const sombre = event.title === 'Good Friday' || event.title.includes('State Funeral')
      assert.equal(event.bunting, !sombre, `${event.date} bunting`)
    }
  })

  it('has the standing rules give the published holidays of every year without a one-off change', () => {
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
      if (SPECIAL_DAYS.some((s) => s.year === year)) continue
      const published = events.filter((e) => e.date.startsWith(`${year}-`))
      assert.deepEqual(standingBankHolidays(year), published, `${year}`)
    }
  })

  it('makes every year after the published ones, to at least 10 years ahead, provisional by the standing rules', () => {
    const calendar = createShippedCalendar()
    const table = calendar.years()
    assert.deepEqual(
      table.map((y) => y.year),
      Array.from({ length: CALENDAR_UNTIL_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i),
    )
    assert.ok(CALENDAR_UNTIL_YEAR >= 2026 + 10)
    for (const { year, provisional, holidays } of table) {
      assert.equal(provisional, year > LAST_YEAR, `${year}`)
      if (!provisional) continue
      assert.deepEqual(
        holidays.map((h) => ({ date: h.date, title: h.title, substitute: h.notes === 'Substitute day' })),
        regularHolidays(year),
        `provisional ${year}`,
      )
      for (const h of holidays) assert.equal(calendar.isWorkingDay(h.date), false, h.date)
    }
    assert.equal(calendar.isWorkingDay('2032-12-27'), false) // Christmas 2032 is a Saturday: Monday 27th and Tuesday 28th
    assert.equal(calendar.isWorkingDay('2032-12-28'), false)
    assert.equal(calendar.isWorkingDay('2032-12-29'), true)
    assert.equal(calendar.isProvisional('2028-12-31'), false)
    assert.equal(calendar.isProvisional('2029-01-01'), true)
  })

  it('checks the Easter algorithm against known dates', () => {
    const known: Record<number, string> = {
      2018: '2018-04-01',
      2019: '2019-04-21',
      2020: '2020-04-12',
      2021: '2021-04-04',
      2022: '2022-04-17',
      2023: '2023-04-09',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2028: '2028-04-16',
      2038: '2038-04-25',
      2285: '2285-03-22',
    }
    for (const [year, date] of Object.entries(known)) assert.equal(iso(easterAnonymous(Number(year))), date)
  })
})
