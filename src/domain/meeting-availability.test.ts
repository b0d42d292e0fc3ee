import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import {
  AVAILABILITY,
  availabilityGrid,
  comingWorkingDays,
  datesThatSuitEveryone,
  dayAvailability,
  meet,
  type AvailabilityEntry,
} from './meeting-availability.ts'

const calendar = createShippedCalendar()

describe('the coming working days', () => {
  it('runs from tomorrow over 4 weeks, without weekends or bank holidays', () => {
    const days = comingWorkingDays('2026-11-27', calendar) // a Friday
    assert.equal(days[0], '2026-11-30')
    assert.equal(days.at(-1), '2026-12-24')
    assert.equal(days.length, 19) // Christmas Day is the 20th
    const christmas = comingWorkingDays('2026-12-18', calendar, 2)
    assert.deepEqual(
      christmas,
      [
        '2026-12-21',
        '2026-12-22',
        '2026-12-23',
        '2026-12-24',
        '2026-12-29',
        '2026-12-30',
        '2026-12-31',
        '2027-01-01',
      ].filter((d) => calendar.isWorkingDay(d)),
    )
    assert.ok(!christmas.includes('2026-12-25') && !christmas.includes('2026-12-28'))
  })
})

describe('the days that suit everyone', () => {
  const parties = ['parent', 'council', 'school']
  const entry = (partyId: string, day: string, availability: AvailabilityEntry['availability']): AvailabilityEntry => ({
    partyId,
    day,
    availability,
  })

  it('needs every party to have said they can come, in a part of the day they all share', () => {
    const entries = [
      entry('parent', '2026-12-01', 'all-day'),
      entry('council', '2026-12-01', 'morning'),
      entry('school', '2026-12-01', 'all-day'),
      entry('parent', '2026-12-02', 'morning'),
      entry('council', '2026-12-02', 'afternoon'),
      entry('school', '2026-12-02', 'all-day'),
      entry('parent', '2026-12-03', 'all-day'),
      entry('council', '2026-12-03', 'all-day'),
      entry('parent', '2026-12-04', 'all-day'),
      entry('council', '2026-12-04', 'unavailable'),
    ]
    const grid = availabilityGrid(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04'], parties, entries)
    assert.deepEqual(
      grid.map((d) => [d.verdict, d.session]),
      [
        ['everyone', 'morning'],
        ['not-everyone', undefined],
        ['waiting', 'all-day'],
        ['not-everyone', undefined],
      ],
    )
    assert.deepEqual(grid[2]!.notGiven, ['school'])
    assert.deepEqual(
      grid[2]!.answers.map((a) => a.availability),
      ['all-day', 'all-day', undefined],
    )
    assert.deepEqual(
      datesThatSuitEveryone(['2026-12-01', '2026-12-02', '2026-12-03'], parties, entries).map((d) => d.day),
      ['2026-12-01'],
    )
  })

  it('never treats a party who has not answered as free', () => {
    assert.equal(dayAvailability('2026-12-01', ['parent'], []).verdict, 'waiting')
    assert.equal(dayAvailability('2026-12-01', [], []).verdict, 'waiting')
  })

  it('meets in the part of the day everyone can make (properties)', () => {
    const answer = fc.constantFrom(...AVAILABILITY)
    fc.assert(
      fc.property(fc.array(fc.option(answer, { nil: undefined }), { minLength: 1, maxLength: 6 }), (answers) => {
        const ids = answers.map((_, i) => `p${i}`)
        const entries = answers.flatMap((a, i) => (a ? [entry(`p${i}`, '2026-12-01', a)] : []))
        const day = dayAvailability('2026-12-01', ids, entries)
        const given = answers.filter((a) => a !== undefined)
        if (given.includes('unavailable') || (given.includes('morning') && given.includes('afternoon'))) {
          assert.equal(day.verdict, 'not-everyone')
        } else if (given.length < answers.length) {
          assert.equal(day.verdict, 'waiting')
        } else {
          assert.equal(day.verdict, 'everyone')
          const expected = given.includes('morning') ? 'morning' : given.includes('afternoon') ? 'afternoon' : 'all-day'
          assert.equal(day.session, expected)
        }
        // Order does not matter.
        const reversed = dayAvailability('2026-12-01', [...ids].reverse(), [...entries].reverse())
        assert.equal(reversed.verdict, day.verdict)
        assert.equal(reversed.session, day.session)
      }),
    )
    assert.equal(meet('all-day', 'all-day'), 'all-day')
    assert.equal(meet('morning', 'afternoon'), undefined)
  })
})
