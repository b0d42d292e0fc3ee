import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import {
  createCalendar,
  createShippedCalendar,
  easterSunday,
  parseBankHolidaysFile,
  shippedBankHolidays,
  unsupportedDate,
} from './calendar.ts'
import { addDays, compare, dayOfWeek, fromDayNumber, toDayNumber } from './dates.ts'

const calendar = createShippedCalendar()
// 2015-01-01 .. 2032-12-31: inside and either side of the shipped data (2018-2028)
const dates = fc.integer({ min: toDayNumber('2015-01-01'), max: toDayNumber('2032-12-31') }).map(fromDayNumber)
const counts = fc.integer({ min: 0, max: 400 })

function file(events: unknown[]): unknown {
  return { 'england-and-wales': { division: 'england-and-wales', events } }
}

describe('isWorkingDay', () => {
  it('excludes weekends and England & Wales bank holidays', () => {
    assert.equal(calendar.isWorkingDay('2026-12-23'), true) // Wednesday
    assert.equal(calendar.isWorkingDay('2026-12-19'), false) // Saturday
    assert.equal(calendar.isWorkingDay('2026-12-20'), false) // Sunday
    assert.equal(calendar.isWorkingDay('2026-12-28'), false) // Boxing Day substitute
    assert.equal(calendar.isWorkingDay('2022-09-19'), false) // state funeral
    assert.equal(calendar.isWorkingDay('2020-05-04'), true) // early May holiday moved to VE day
    assert.equal(calendar.isWorkingDay('2020-05-08'), false)
    assert.equal(calendar.isWorkingDay('2026-08-31'), false) // summer bank holiday
    assert.equal(calendar.isWorkingDay('2026-08-28'), true) // August itself counts as working days
  })

  it('always excludes Christmas Day and Good Friday, even beyond the data', () => {
    const bare = createCalendar(file([{ title: 'New Year’s Day', date: '2026-01-01' }]))
    assert.equal(bare.isWorkingDay('2026-04-03'), false) // Good Friday 2026, not in this file
    assert.equal(bare.isWorkingDay('2026-04-06'), true) // Easter Monday is only a bank holiday
    assert.equal(bare.isWorkingDay('2026-12-25'), false)
    assert.equal(bare.isWorkingDay('2026-12-28'), true) // substitutes come from the data only
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2300 }), (year) => {
        assert.equal(calendar.isWorkingDay(`${year}-12-25`), false)
        assert.equal(calendar.isWorkingDay(addDays(easterSunday(year), -2)), false)
      }),
    )
  })

  it('works out Easter Sunday', () => {
    assert.equal(easterSunday(2026), '2026-04-05')
    assert.equal(easterSunday(2027), '2027-03-28')
    assert.equal(easterSunday(2285), '2285-03-22') // earliest possible
    assert.equal(easterSunday(2038), '2038-04-25') // latest possible
    fc.assert(fc.property(fc.integer({ min: 1583, max: 9999 }), (year) => dayOfWeek(easterSunday(year)) === 0))
  })
})

describe('addWorkingDays', () => {
  it('counts working days after the date', () => {
    assert.equal(calendar.addWorkingDays('2026-12-18', 3), '2026-12-23') // worked example
    assert.equal(calendar.addWorkingDays('2026-12-23', 1), '2026-12-24')
    assert.equal(calendar.addWorkingDays('2026-12-24', 1), '2026-12-29') // over Christmas and the substitute day
    assert.equal(calendar.addWorkingDays('2026-04-02', 1), '2026-04-07') // over Easter
    assert.equal(calendar.addWorkingDays('2026-12-19', 1), '2026-12-21') // from a Saturday
  })

  it('with n = 0 gives the date itself or the next working day', () => {
    assert.equal(calendar.addWorkingDays('2026-12-23', 0), '2026-12-23')
    assert.equal(calendar.addWorkingDays('2026-12-25', 0), '2026-12-29')
    assert.equal(calendar.nextWorkingDayOnOrAfter('2027-01-23'), '2027-01-25')
  })

  it('rejects negative and fractional counts', () => {
    assert.throws(() => calendar.addWorkingDays('2026-12-18', -1), RangeError)
    assert.throws(() => calendar.addWorkingDays('2026-12-18', 1.5), RangeError)
  })

  it('always lands on a working day', () => {
    fc.assert(fc.property(dates, counts, (date, n) => calendar.isWorkingDay(calendar.addWorkingDays(date, n))))
  })

  it('is monotonic in n and in the start date', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const order = compare(calendar.addWorkingDays(date, n), calendar.addWorkingDays(date, n + 1))
        // Strictly increasing, except that 0 and 1 coincide from a non-working day.
        assert.ok(n === 0 && !calendar.isWorkingDay(date) ? order === 0 : order < 0)
      }),
    )
    fc.assert(
      fc.property(dates, dates, counts, (a, b, n) => {
        if (compare(a, b) <= 0) assert.ok(compare(calendar.addWorkingDays(a, n), calendar.addWorkingDays(b, n)) <= 0)
      }),
    )
  })

  it('is undone by workingDaysBetween and subtractWorkingDays', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const later = calendar.addWorkingDays(date, n)
        // n = 0 from a non-working day moves forward without counting a day: excluded by definition.
        if (n > 0 || calendar.isWorkingDay(date)) assert.equal(calendar.workingDaysBetween(date, later), n)
        // Round trips snap a non-working start to the working day before (or after) it.
        if (n > 0) assert.equal(calendar.subtractWorkingDays(later, n), calendar.subtractWorkingDays(date, 0))
        if (n > 0)
          assert.equal(
            calendar.addWorkingDays(calendar.subtractWorkingDays(date, n), n),
            calendar.addWorkingDays(date, 0),
          )
        if (calendar.isWorkingDay(date)) assert.equal(calendar.subtractWorkingDays(later, n), date)
      }),
    )
  })
})

describe('subtractWorkingDays', () => {
  it('counts back working days before the date', () => {
    assert.equal(calendar.subtractWorkingDays('2026-11-16', 5), '2026-11-09')
    assert.equal(calendar.subtractWorkingDays('2026-04-07', 1), '2026-04-02') // back over Easter
    assert.equal(calendar.subtractWorkingDays('2026-12-26', 0), '2026-12-24')
  })

  it('always lands on a working day, strictly before the date for n >= 1', () => {
    fc.assert(
      fc.property(dates, counts, (date, n) => {
        const earlier = calendar.subtractWorkingDays(date, n)
        assert.ok(calendar.isWorkingDay(earlier))
        if (n > 0) assert.ok(compare(earlier, date) < 0)
      }),
    )
  })
})

describe('nextWorkingDayOnOrAfter', () => {
  it('is the first working day on or after the date', () => {
    fc.assert(
      fc.property(dates, (date) => {
        const next = calendar.nextWorkingDayOnOrAfter(date)
        assert.ok(calendar.isWorkingDay(next))
        assert.ok(compare(next, date) >= 0)
        for (let d = date; compare(d, next) < 0; d = addDays(d, 1)) assert.equal(calendar.isWorkingDay(d), false)
      }),
    )
  })
})

describe('workingDaysBetween', () => {
  it('counts working days left until a due date', () => {
    assert.equal(calendar.workingDaysBetween('2026-12-18', '2026-12-23'), 3)
    assert.equal(calendar.workingDaysBetween('2026-12-23', '2026-12-23'), 0)
    assert.equal(calendar.workingDaysBetween('2026-12-24', '2026-12-23'), -1)
    assert.equal(calendar.workingDaysBetween('2026-12-23', '2027-01-04'), 5) // 24, 29, 30, 31 Dec and 4 Jan
  })

  it('is antisymmetric and additive', () => {
    fc.assert(
      fc.property(dates, dates, dates, (a, b, c) => {
        assert.equal(calendar.workingDaysBetween(a, b), 0 - calendar.workingDaysBetween(b, a))
        assert.equal(
          calendar.workingDaysBetween(a, b) + calendar.workingDaysBetween(b, c),
          calendar.workingDaysBetween(a, c),
        )
      }),
    )
  })

  it('counts the same over decades, and either side of the years it keeps running counts for', () => {
    const dayByDay = (a: string, b: string) => {
      let count = 0
      for (let d = addDays(a, 1); compare(d, b) <= 0; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) count++
      return count
    }
    for (const [a, b] of [
      ['2006-03-01', '2026-11-27'],
      ['1899-12-20', '1900-01-10'],
      ['2200-12-20', '2201-01-10'],
      ['1899-06-01', '2201-06-01'],
    ] as const) {
      assert.equal(calendar.workingDaysBetween(a, b), dayByDay(a, b), `${a} to ${b}`)
      assert.equal(calendar.workingDaysBetween(b, a), 0 - dayByDay(a, b))
    }
  })

  it('agrees with counting day by day', () => {
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 120 }), (a, span) => {
        let count = 0
        for (let i = 1; i <= span; i++) if (calendar.isWorkingDay(addDays(a, i))) count++
        assert.equal(calendar.workingDaysBetween(a, addDays(a, span)), count)
      }),
    )
  })
})

describe('coverage', () => {
  it('knows the years the data covers: published to 2028, provisional after, to 2040', () => {
    assert.equal(calendar.coveredFromYear, 2014)
    assert.equal(calendar.publishedUntilYear, 2028)
    assert.equal(calendar.coveredUntilYear, 2040)
    assert.equal(calendar.isCovered('2028-12-31'), true)
    assert.equal(calendar.isCovered('2040-12-31'), true)
    assert.equal(calendar.isCovered('2041-01-01'), false)
    assert.equal(calendar.isCovered('2013-12-31'), false)
    assert.equal(calendar.isPublished('2028-12-31'), true)
    assert.equal(calendar.isPublished('2029-01-01'), false)
  })

  it('names the range of dates people may give, with dates of birth up to 25 years earlier', () => {
    assert.equal(unsupportedDate('2014-09-01'), undefined)
    assert.equal(unsupportedDate('2040-12-31'), undefined)
    const range = 'must be between Monday 1 September 2014 and Monday 31 December 2040'
    for (const date of ['2014-08-31', '2041-01-01', '0001-01-01', '9999-10-31'])
      assert.equal(unsupportedDate(date), range)
    assert.equal(unsupportedDate('1989-09-01', 'birth'), undefined)
    assert.equal(
      unsupportedDate('1989-08-31', 'birth'),
      'must be between Friday 1 September 1989 and Monday 31 December 2040',
    )
  })
})

describe('parseBankHolidaysFile', () => {
  it('accepts the shipped file, as an object or as text', () => {
    assert.equal(parseBankHolidaysFile(shippedBankHolidays).ok, true)
    assert.equal(parseBankHolidaysFile(JSON.stringify(shippedBankHolidays)).ok, true)
  })

  it('fills in optional notes and bunting', () => {
    const result = parseBankHolidaysFile(file([{ title: 'Christmas Day', date: '2030-12-25' }]))
    assert.ok(result.ok)
    assert.deepEqual(result.data['england-and-wales'].events, [
      { title: 'Christmas Day', date: '2030-12-25', notes: '', bunting: false },
    ])
  })

  const bad: [string, unknown, RegExp][] = [
    ['not JSON', '{"england-and-wales":', /not valid JSON/],
    ['not an object', [1, 2], /does not look like GOV\.UK's bank holidays file/],
    ['no England and Wales', { scotland: { division: 'scotland', events: [] } }, /no "england-and-wales" section/],
    ['wrong division name', { 'england-and-wales': { division: 'scotland', events: [] } }, /says it is for "scotland"/],
    ['no events list', { 'england-and-wales': { division: 'england-and-wales' } }, /no list of events/],
    ['no events', file([]), /no bank holidays for England and Wales/],
    ['event without title', file([{ date: '2026-01-01' }]), /number 1 .* has no title/],
    [
      'impossible date',
      file([{ title: 'Christmas Day', date: '2026-02-30' }]),
      /"2026-02-30", which is not a real date/,
    ],
    [
      'date in another format',
      file([{ title: 'Christmas Day', date: '25/12/2026' }]),
      /not a real date written as YYYY-MM-DD/,
    ],
    [
      'bunting not boolean',
      file([{ title: 'Christmas Day', date: '2026-12-25', bunting: 'yes' }]),
      /not true or false/,
    ],
    ['notes not text', file([{ title: 'Christmas Day', date: '2026-12-25', notes: 1 }]), /notes that are not text/],
    [
      'a missing year',
      file([
        { title: 'Christmas Day', date: '2026-12-25' },
        { title: 'Christmas Day', date: '2028-12-25' },
      ]),
      /no England and Wales bank holidays for 2027/,
    ],
    [
      'a malformed other division',
      { ...(file([{ title: 'x', date: '2026-12-25' }]) as object), scotland: { events: 'none' } },
      /"scotland" section has no list/,
    ],
  ]
  for (const [name, input, message] of bad) {
    it(`rejects ${name} with a plain message`, () => {
      const result = parseBankHolidaysFile(input)
      assert.equal(result.ok, false)
      if (!result.ok) {
        assert.match(result.error, message)
        assert.match(result.error, /gov\.uk\/bank-holidays\.json/)
      }
    })
  }

  it('createCalendar throws the same message', () => {
    assert.throws(() => createCalendar(file([])), /no bank holidays for England and Wales/)
  })
})
