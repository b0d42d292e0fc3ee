import assert from 'node:assert/strict'
import { test } from 'node:test'
import { ageOn, isYoungPersonAge } from './intake-age.ts'

test('age counts whole years, turning older on the birthday', () => {
  assert.equal(ageOn('2010-11-27', '2026-11-26'), 15)
  assert.equal(ageOn('2010-11-27', '2026-11-27'), 16)
  assert.equal(ageOn('2010-12-01', '2026-11-27'), 15)
})

test('someone born on 29 February turns older on 1 March in other years', () => {
  assert.equal(ageOn('2008-02-29', '2026-02-28'), 17)
  assert.equal(ageOn('2008-02-29', '2026-03-01'), 18)
  assert.equal(ageOn('2008-02-29', '2028-02-29'), 20)
})

test('a young person is 16 to 25 inclusive', () => {
  assert.equal(isYoungPersonAge('2010-11-28', '2026-11-27'), false) // 15, 16 tomorrow
  assert.equal(isYoungPersonAge('2010-11-27', '2026-11-27'), true) // 16 today
  assert.equal(isYoungPersonAge('2000-11-28', '2026-11-27'), true) // 25, 26 tomorrow
  assert.equal(isYoungPersonAge('2000-11-27', '2026-11-27'), false) // 26 today
})
