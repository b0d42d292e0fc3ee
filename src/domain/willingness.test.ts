import { describe, it } from 'node:test'
import assert from 'node:assert/strict'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import { compare, fromDayNumber, toDayNumber } from './dates.ts'
import { chaserDue, chaserDueDate, listParties, partiesNotYetWilling, type PartyWillingness } from './willingness.ts'

const calendar = createShippedCalendar()

describe('chaserDue', () => {
  // Mon 14 Dec 2026; 5 working days later skips the weekend, Christmas Day and Boxing Day (Mon 28 Dec substitute).
  const invited: PartyWillingness = { invited: { on: '2026-12-14', how: 'email' } }

  it('is suggested 5 working days after the invitation by default', () => {
    assert.equal(chaserDueDate(invited, calendar), '2026-12-21')
    assert.equal(chaserDue(invited, '2026-12-18', calendar), false)
    assert.equal(chaserDue(invited, '2026-12-21', calendar), true)
    assert.equal(chaserDue(invited, '2027-01-04', calendar), true)
  })

  it('counts working days only, past bank holidays', () => {
    const beforeChristmas: PartyWillingness = { invited: { on: '2026-12-22', how: 'post' } }
    // Wed 23, Thu 24, (Fri 25 Christmas, Mon 28 Boxing Day substitute), Tue 29, Wed 30, Thu 31.
    assert.equal(chaserDueDate(beforeChristmas, calendar), '2026-12-31')
  })

  it('runs from the last chaser, and uses the set number of days', () => {
    const chased: PartyWillingness = { ...invited, chased: { on: '2027-01-04', count: 1 } }
    assert.equal(chaserDueDate(chased, calendar), '2027-01-11')
    assert.equal(chaserDueDate(chased, calendar, 3), '2027-01-07')
    assert.equal(chaserDue(chased, '2027-01-06', calendar, 3), false)
    assert.equal(chaserDue(chased, '2027-01-07', calendar, 3), true)
  })

  it('is never due once the party has answered, "no answer" included', () => {
    for (const answer of ['willing', 'unwilling', 'no-answer'] as const) {
      const answered: PartyWillingness = { ...invited, answered: { on: '2026-12-15', answer } }
      assert.equal(chaserDueDate(answered, calendar), undefined)
      assert.equal(chaserDue(answered, '2027-06-01', calendar), false)
    }
  })

  it('property: due exactly from the due date on, which is a working day after the last contact', () => {
    const dates = fc.integer({ min: toDayNumber('2019-01-01'), max: toDayNumber('2027-12-31') }).map(fromDayNumber)
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 1, max: 20 }), (on, today, n) => {
        const party: PartyWillingness = { invited: { on, how: 'phone' } }
        const due = chaserDueDate(party, calendar, n)
        assert.ok(due !== undefined)
        assert.ok(compare(due, on) > 0)
        assert.ok(calendar.isWorkingDay(due))
        assert.equal(calendar.workingDaysBetween(on, due), n)
        assert.equal(chaserDue(party, today, calendar, n), compare(today, due) >= 0)
      }),
    )
  })
})

describe('party lists', () => {
  it('names parties in plain English', () => {
    assert.equal(listParties([]), '')
    assert.equal(listParties(['school']), 'the school or college')
    assert.equal(listParties(['local-authority', 'social-care']), 'the council and social care')
    assert.equal(
      listParties(['local-authority', 'school', 'health']),
      'the council, the school or college and the health body',
    )
  })

  it('lists invited parties not yet willing, in a fixed order', () => {
    const on = '2026-03-02'
    assert.deepEqual(
      partiesNotYetWilling({
        health: { invited: { on, how: 'email' } },
        school: { invited: { on, how: 'email' }, answered: { on, answer: 'unwilling', reason: 'No capacity' } },
        'local-authority': { invited: { on, how: 'email' }, answered: { on, answer: 'willing' } },
      }),
      ['school', 'health'],
    )
  })
})
