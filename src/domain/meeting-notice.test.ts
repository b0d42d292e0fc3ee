import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { createShippedCalendar } from './calendar.ts'
import { computeDeadlines } from './clocks.ts'
import { addDays, fromDayNumber, toDayNumber } from './dates.ts'
import { checkNotice, workingDaysOfNotice } from './meeting-notice.ts'

const calendar = createShippedCalendar()

describe('5 working days of notice', () => {
  it('counts the working days from the day it is sent up to the meeting', () => {
    // Friday 27 November 2026 to Friday 4 December: Fri, Mon, Tue, Wed, Thu.
    const five = checkNotice('2026-11-27', '2026-12-04', calendar)
    assert.equal(five.workingDays, 5)
    assert.equal(five.enough, true)
    assert.equal(five.latestSendDate, '2026-11-27')
    assert.match(five.message, /gives 5 working days' notice of the meeting on Friday 4 December 2026: at least 5/)
    const four = checkNotice('2026-11-27', '2026-12-03', calendar)
    assert.equal(four.workingDays, 4)
    assert.equal(four.enough, false)
    assert.match(
      four.message,
      /only 4 working days' notice .* sent by Thursday 26 November 2026\), so the parent or young person must agree to shorter notice/,
    )
  })

  it('skips Christmas and the bank holidays', () => {
    // Tue 22 Dec to Wed 30 Dec 2026: Tue 22, Wed 23, Thu 24, Tue 29 (25th, 28th are holidays).
    assert.equal(workingDaysOfNotice('2026-12-22', '2026-12-30', calendar), 4)
    assert.equal(checkNotice('2026-12-22', '2026-12-30', calendar).enough, false)
    assert.equal(checkNotice('2026-12-21', '2026-12-30', calendar).enough, true)
    assert.equal(checkNotice('2026-12-21', '2026-12-30', calendar).workingDays, 5)
  })

  it('gives none for a meeting today or in the past', () => {
    assert.equal(workingDaysOfNotice('2026-11-27', '2026-11-27', calendar), 0)
    assert.equal(checkNotice('2026-11-27', '2026-11-20', calendar).enough, false)
  })

  it('agrees with the meeting-notice clock: enough exactly when notice sent that day meets it (properties)', () => {
    const dates = fc.integer({ min: toDayNumber('2025-01-01'), max: toDayNumber('2028-06-30') }).map(fromDayNumber)
    fc.assert(
      fc.property(dates, fc.integer({ min: 0, max: 30 }), (sentOn, ahead) => {
        const meetingDate = addDays(sentOn, ahead)
        const check = checkNotice(sentOn, meetingDate, calendar)
        assert.equal(check.enough, check.workingDays >= 5)
        const [clock] = computeDeadlines(
          [
            { type: 'meeting-scheduled', date: sentOn, data: { meetingDate } },
            { type: 'meeting-notice-sent', date: sentOn },
          ],
          { calendar },
        ).filter((d) => d.name === 'meeting-notice')
        assert.equal(clock!.status === 'met', check.enough)
      }),
    )
  })
})
