import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { bookingState, contactKeyOf, londonDayAndTime, londonInstant } from './info-sessions.ts'

describe('information sessions: times and booking', () => {
  it("reads England's clock: GMT in winter, BST in summer, across the changes", () => {
    assert.equal(londonInstant('2026-12-09', '10:00').toISOString(), '2026-12-09T10:00:00.000Z')
    assert.equal(londonInstant('2026-07-01', '10:00').toISOString(), '2026-07-01T09:00:00.000Z')
    assert.equal(londonInstant('2026-03-29', '03:00').toISOString(), '2026-03-29T02:00:00.000Z') // after the spring change
    assert.equal(londonInstant('2026-10-25', '00:30').toISOString(), '2026-10-24T23:30:00.000Z') // before the autumn one
    assert.deepEqual(londonDayAndTime(new Date('2026-07-01T22:30:00Z')), { day: '2026-07-01', time: '23:30' })
  })

  it('is open, full, closed or cancelled', () => {
    const s = {
      cancelledAt: null,
      bookingClosesAt: new Date('2026-12-08T17:00:00Z'),
      startsAt: new Date('2026-12-09T10:00:00Z'),
      capacity: 2,
    }
    const now = new Date('2026-12-01T10:00:00Z')
    assert.equal(bookingState(s, 1, now), 'open')
    assert.equal(bookingState(s, 2, now), 'full')
    assert.equal(bookingState(s, 0, new Date('2026-12-08T17:00:00Z')), 'closed')
    assert.equal(bookingState({ ...s, cancelledAt: now }, 0, now), 'cancelled')
  })

  it('knows a person by their email whatever its case, or by their mobile whatever its spacing', () => {
    assert.equal(contactKeyOf('email', ' Pat@Example.com ', ''), 'email:pat@example.com')
    assert.equal(contactKeyOf('text', '', '+44 7700 900982'), contactKeyOf('text', '', '07700900982'))
  })
})
