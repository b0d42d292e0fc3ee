import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  addDays,
  addMonths,
  addWeeks,
  compare,
  dayOfWeek,
  daysInMonth,
  diffDays,
  formatLongDate,
  fromDayNumber,
  isValidIsoDate,
  max,
  min,
  parseIsoDate,
  toDayNumber,
  toIsoDate,
} from './dates.ts'

const DAY_MS = 86_400_000
// 1800-01-01 .. 2200-12-31 as day numbers
const dayNumbers = fc.integer({ min: -62_091, max: 84_006 })
const isoDates = dayNumbers.map(fromDayNumber)

function utc(date: string): Date {
  const { year, month, day } = parseIsoDate(date)
  return new Date(Date.UTC(year, month - 1, day))
}

describe('isValidIsoDate / parseIsoDate', () => {
  it('accepts real dates written as YYYY-MM-DD', () => {
    for (const date of ['2024-02-29', '2000-02-29', '2026-12-31', '0001-01-01', '9999-12-31']) {
      assert.equal(isValidIsoDate(date), true, date)
    }
    assert.deepEqual(parseIsoDate('2026-10-19'), { year: 2026, month: 10, day: 19 })
  })

  it('rejects impossible dates and other spellings', () => {
    for (const value of [
      '2023-02-29',
      '1900-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '0000-01-01',
      '2024-1-01',
      '24-01-01',
      ' 2024-01-01',
      '2024-01-01T00:00:00Z',
      '2024/01/01',
      '',
      '+02024-01-01',
      20240101,
      null,
      undefined,
      new Date(0),
      {},
    ]) {
      assert.equal(isValidIsoDate(value), false, String(value))
    }
    assert.throws(() => parseIsoDate('2023-02-29'), RangeError)
  })

  it('toIsoDate pads and validates', () => {
    assert.equal(toIsoDate({ year: 987, month: 3, day: 4 }), '0987-03-04')
    assert.throws(() => toIsoDate({ year: 2023, month: 2, day: 29 }), RangeError)
    assert.throws(() => toIsoDate({ year: 10_000, month: 1, day: 1 }), RangeError)
  })
})

describe('day arithmetic', () => {
  it('agrees with Date.UTC for day numbers and weekdays', () => {
    fc.assert(
      fc.property(isoDates, (date) => {
        assert.equal(toDayNumber(date) * DAY_MS, utc(date).getTime())
        assert.equal(dayOfWeek(date), utc(date).getUTCDay())
        assert.equal(utc(date).toISOString().slice(0, 10), date)
      }),
    )
  })

  it('fromDayNumber inverts toDayNumber', () => {
    fc.assert(fc.property(dayNumbers, (n) => toDayNumber(fromDayNumber(n)) === n))
  })

  it('addDays and diffDays are inverse', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        assert.equal(diffDays(date, addDays(date, n)), n)
        assert.equal(addDays(addDays(date, n), -n), date)
      }),
    )
  })

  it('crosses month, year and leap-day boundaries', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29')
    assert.equal(addDays('2023-02-28', 1), '2023-03-01')
    assert.equal(addDays('2026-12-31', 1), '2027-01-01')
    assert.equal(addDays('1970-01-01', -1), '1969-12-31')
    assert.equal(addWeeks('2026-12-18', 2), '2027-01-01')
    assert.equal(diffDays('2026-10-19', '2026-12-19'), 61)
  })

  it('knows the weekdays of the worked example', () => {
    assert.equal(dayOfWeek('2026-10-19'), 1)
    assert.equal(dayOfWeek('2026-12-18'), 5)
    assert.equal(dayOfWeek('2026-12-23'), 3)
    assert.equal(dayOfWeek('2027-01-23'), 6)
    assert.equal(dayOfWeek('2027-01-25'), 1)
  })

  it('rejects fractional amounts', () => {
    assert.throws(() => addDays('2026-01-01', 1.5), RangeError)
    assert.throws(() => addMonths('2026-01-01', Number.NaN), RangeError)
  })
})

describe('addMonths', () => {
  it('keeps the day of the month, clamped to the last day', () => {
    assert.equal(addMonths('2026-10-19', 2), '2026-12-19')
    assert.equal(addMonths('2026-12-23', 1), '2027-01-23')
    assert.equal(addMonths('2023-12-31', 2), '2024-02-29')
    assert.equal(addMonths('2024-12-31', 2), '2025-02-28')
    assert.equal(addMonths('2026-01-31', 1), '2026-02-28')
    assert.equal(addMonths('2026-03-31', 1), '2026-04-30')
    assert.equal(addMonths('2026-03-31', -1), '2026-02-28')
    assert.equal(addMonths('2026-05-15', -17), '2024-12-15')
  })

  it('lands in the target month, never overflowing into the next', () => {
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -240, max: 240 }), (date, n) => {
        const from = parseIsoDate(date)
        const to = parseIsoDate(addMonths(date, n))
        assert.equal(to.year * 12 + to.month, from.year * 12 + from.month + n)
        assert.equal(to.day, Math.min(from.day, daysInMonth(to.year, to.month)))
      }),
    )
  })

  it('is monotonic and composes for days that exist in every month', () => {
    fc.assert(
      fc.property(isoDates, isoDates, fc.integer({ min: 0, max: 60 }), (a, b, n) => {
        if (compare(a, b) <= 0) assert.ok(compare(addMonths(a, n), addMonths(b, n)) <= 0)
      }),
    )
    fc.assert(
      fc.property(isoDates, fc.integer({ min: -50, max: 50 }), fc.integer({ min: -50, max: 50 }), (date, m, n) => {
        fc.pre(parseIsoDate(date).day <= 28)
        assert.equal(addMonths(addMonths(date, m), n), addMonths(date, m + n))
      }),
    )
  })
})

describe('compare, max, min', () => {
  it('orders like day numbers', () => {
    fc.assert(
      fc.property(isoDates, isoDates, (a, b) => {
        assert.equal(compare(a, b), Math.sign(diffDays(b, a)))
      }),
    )
  })

  it('picks the latest and earliest', () => {
    assert.equal(max('2026-12-19', '2027-01-23', '2026-01-01'), '2027-01-23')
    assert.equal(min('2026-12-19', '2027-01-23', '2026-01-01'), '2026-01-01')
    assert.equal(max('2026-12-19'), '2026-12-19')
    assert.throws(() => max('2026-12-19', 'soon'), RangeError)
  })
})

describe('formatLongDate', () => {
  it('reads like GOV.UK dates', () => {
    assert.equal(formatLongDate('2026-12-23'), 'Wednesday 23 December 2026')
    assert.equal(formatLongDate('2027-01-04'), 'Monday 4 January 2027')
  })
})
