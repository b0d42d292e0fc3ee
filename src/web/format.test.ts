import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatDate, formatDateTime, formatTime } from './format.ts'

test('dates read the way people say them', () => {
  assert.equal(formatDate('2026-12-23'), 'Wednesday 23 December 2026')
  assert.equal(formatDate('2027-01-25'), 'Monday 25 January 2027')
  assert.equal(formatDate(''), '')
})

test('times are 9am or 5:30pm, in England', () => {
  assert.equal(formatTime(new Date('2026-12-23T09:00:00Z')), '9am')
  assert.equal(formatTime(new Date('2026-07-01T16:30:00Z')), '5:30pm') // summer time
  assert.equal(formatDateTime(new Date('2026-12-23T17:30:00Z')), 'Wednesday 23 December 2026 at 5:30pm')
})
