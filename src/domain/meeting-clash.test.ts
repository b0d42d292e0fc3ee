import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { findClashes, overlaps, unavailableOn, type Booking } from './meeting-clash.ts'
import { formatClockTime, formatTimeRange, minutesOf, parseClockTime } from './meeting-times.ts'

const booking = (change: Partial<Booking> = {}): Booking => ({
  id: 'a',
  day: '2026-12-09',
  start: '09:30',
  end: '12:00',
  roomIds: ['room-1'],
  mediatorId: 'maya',
  ...change,
})

describe('times of day', () => {
  it('reads what people type and writes 9am, 5:30pm', () => {
    assert.equal(parseClockTime('9:30'), '09:30')
    assert.equal(parseClockTime('9.30am'), '09:30')
    assert.equal(parseClockTime(' 2 pm '), '14:00')
    assert.equal(parseClockTime('12pm'), '12:00')
    assert.equal(parseClockTime('12am'), '00:00')
    assert.equal(parseClockTime('17:30'), '17:30')
    assert.equal(parseClockTime('25:00'), undefined)
    assert.equal(parseClockTime('9:75'), undefined)
    assert.equal(parseClockTime('13pm'), undefined)
    assert.equal(parseClockTime('soon'), undefined)
    assert.equal(formatClockTime('09:00'), '9am')
    assert.equal(formatClockTime('17:30'), '5:30pm')
    assert.equal(formatClockTime('12:00'), '12pm')
    assert.equal(formatTimeRange('09:30', '12:00'), '9:30am to 12pm')
  })

  it('round-trips every time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (h, m) => {
        const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`
        assert.equal(parseClockTime(time), time)
        assert.equal(parseClockTime(formatClockTime(time)), time)
        assert.equal(minutesOf(time), h * 60 + m)
      }),
    )
  })
})

describe('clashes', () => {
  it('refuses the same room, a breakout room too, or the same mediator at overlapping times on the same day', () => {
    const existing = [booking()]
    assert.deepEqual(
      findClashes(booking({ id: 'b', mediatorId: 'other', start: '11:00', end: '13:00' }), existing).map((c) => c.kind),
      ['room'],
    )
    const breakout = findClashes(booking({ id: 'b', roomIds: ['room-2', 'room-1'], mediatorId: 'other' }), [
      booking({ roomIds: ['room-3', 'room-1'] }),
    ])
    assert.deepEqual(
      breakout.map((c) => [c.kind, c.roomId]),
      [['room', 'room-1']],
    )
    assert.deepEqual(
      findClashes(booking({ id: 'b', roomIds: ['room-9'] }), existing).map((c) => c.kind),
      ['mediator'],
    )
    assert.deepEqual(
      findClashes(booking({ id: 'b' }), existing).map((c) => c.kind),
      ['room', 'mediator'],
    )
  })

  it('allows back-to-back meetings, another day, and the meeting being moved', () => {
    const existing = [booking()]
    assert.deepEqual(findClashes(booking({ id: 'b', start: '12:00', end: '14:00' }), existing), [])
    assert.deepEqual(findClashes(booking({ id: 'b', day: '2026-12-10' }), existing), [])
    assert.deepEqual(findClashes(booking({ id: 'a', start: '10:00' }), existing), [])
    assert.deepEqual(findClashes(booking({ id: undefined, roomIds: [], mediatorId: null }), existing), [])
  })

  it('overlap is symmetric and needs a shared minute (properties)', () => {
    const time = fc.integer({ min: 7 * 60, max: 21 * 60 })
    const slot = fc
      .tuple(time, time)
      .filter(([a, b]) => a < b)
      .map(([a, b]) => {
        const hhmm = (n: number) => `${String(Math.floor(n / 60)).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}`
        return { start: hhmm(a), end: hhmm(b), a, b }
      })
    fc.assert(
      fc.property(slot, slot, (x, y) => {
        const bx = booking({ id: 'x', start: x.start, end: x.end })
        const by = booking({ id: 'y', start: y.start, end: y.end })
        assert.equal(overlaps(bx, by), overlaps(by, bx))
        assert.equal(overlaps(bx, by), Math.max(x.a, y.a) < Math.min(x.b, y.b))
        assert.equal(findClashes(bx, [by]).length > 0, overlaps(bx, by))
      }),
    )
  })

  it("knows the mediator's unavailable dates, both ends included", () => {
    const periods = [{ fromDate: '2026-12-07', toDate: '2026-12-09' }]
    assert.equal(unavailableOn('2026-12-07', periods), true)
    assert.equal(unavailableOn('2026-12-09', periods), true)
    assert.equal(unavailableOn('2026-12-10', periods), false)
  })
})
