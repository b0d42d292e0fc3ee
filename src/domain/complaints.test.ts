import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createShippedCalendar } from './calendar.ts'
import { answeredInTime, cmcDates, isLastStage, nextStage, stageDeadlines, statusAfterResponse } from './complaints.ts'

const calendar = createShippedCalendar()
const defaults = { acknowledgeWorkingDays: 3, responseWorkingDays: 20 }

describe('complaint stages', () => {
  it('go informal, formal, review, and end there', () => {
    assert.equal(nextStage('informal'), 'formal')
    assert.equal(nextStage('formal'), 'review')
    assert.equal(nextStage('review'), undefined)
    assert.equal(isLastStage('review'), true)
    assert.equal(statusAfterResponse('formal'), 'answered')
    assert.equal(statusAfterResponse('review'), 'closed')
  })

  it('count their deadlines in working days from the start, past bank holidays', () => {
    // Thursday 24 December 2026: Christmas Day, the Boxing Day holiday and New Year's Day follow.
    assert.deepEqual(stageDeadlines(calendar, '2026-12-24', defaults), {
      acknowledgeBy: '2026-12-31',
      respondBy: '2027-01-26',
    })
    // A stage started on a Saturday counts from the Monday's working days.
    assert.deepEqual(stageDeadlines(calendar, '2027-01-09', { acknowledgeWorkingDays: 2, responseWorkingDays: 10 }), {
      acknowledgeBy: '2027-01-12',
      respondBy: '2027-01-22',
    })
  })

  it('are answered in time only when every stage was answered by its own deadline', () => {
    const onTime = { respondBy: '2027-01-26', respondedOn: '2027-01-26' }
    assert.equal(answeredInTime([onTime]), true)
    assert.equal(answeredInTime([onTime, { respondBy: '2027-02-20', respondedOn: '2027-02-22' }]), false)
    assert.equal(answeredInTime([onTime, { respondBy: '2027-02-20', respondedOn: null }]), false)
    assert.equal(answeredInTime([]), false)
  })
})

describe('the Civil Mediation Council route', () => {
  it('is open until the earlier of 1 month from the outcome and 6 months from the events', () => {
    assert.deepEqual(cmcDates('2027-01-04', '2026-12-10'), {
      monthAfterOutcome: '2027-02-04',
      sixMonthsAfterEvents: '2027-06-10',
      by: '2027-02-04',
      passed: false,
    })
    // Events long ago: the 6 months end first.
    assert.equal(cmcDates('2027-01-04', '2026-07-20').by, '2027-01-20')
    // Calendar months, clamped to the month's end: 31 January + 1 month is 28 February.
    assert.equal(cmcDates('2027-01-31', '2026-12-31').monthAfterOutcome, '2027-02-28')
    assert.equal(cmcDates('2027-01-31', '2026-08-31').sixMonthsAfterEvents, '2027-02-28')
    // Already past when we answer.
    assert.equal(cmcDates('2027-03-01', '2026-08-01').passed, true)
  })
})
