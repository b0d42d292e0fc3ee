import assert from 'node:assert/strict'
import { test } from 'node:test'
import { mediatorStanding, type MediatorCredentials } from './mediator-standing.ts'

const good: MediatorCredentials = {
  cmcRegistrationExpiry: '2027-06-30',
  sendRegisterExpiry: '2027-06-30',
  senTrainingCompletedOn: '2024-03-01',
  insuranceCoverPounds: 2_000_000,
  insuranceExpiry: '2027-03-31',
  dbsRenewalDue: '2028-01-01',
  cpdHoursByYear: { 2026: 7.5 },
  active: true,
}

test('a mediator in good standing can be allocated, with nothing to warn about', () => {
  assert.deepEqual(mediatorStanding(good, '2026-11-27'), { canBeAllocated: true, blocking: [], warnings: [] })
})

test('a lapsed registration, insurance or DBS check stops allocation', () => {
  for (const field of ['cmcRegistrationExpiry', 'sendRegisterExpiry', 'insuranceExpiry', 'dbsRenewalDue'] as const) {
    const s = mediatorStanding({ ...good, [field]: '2026-11-26' }, '2026-11-27')
    assert.equal(s.canBeAllocated, false, field)
    assert.match(s.blocking[0]!.message, /lapsed on Thursday 26 November 2026/)
  }
  // On the expiry day itself it is still valid.
  assert.equal(mediatorStanding({ ...good, insuranceExpiry: '2026-11-27' }, '2026-11-27').canBeAllocated, true)
})

test('a lapse within 30 days is a warning, not a stop', () => {
  const s = mediatorStanding({ ...good, dbsRenewalDue: '2026-12-27' }, '2026-11-27')
  assert.equal(s.canBeAllocated, true)
  assert.equal(s.warnings[0]!.what, 'dbs')
  assert.equal(mediatorStanding({ ...good, dbsRenewalDue: '2026-12-28' }, '2026-11-27').warnings.length, 0)
})

test('cover under £1m, no SEN training or a missing date stops allocation; short CPD warns', () => {
  assert.equal(mediatorStanding({ ...good, insuranceCoverPounds: 999_999 }, '2026-11-27').canBeAllocated, false)
  assert.equal(mediatorStanding({ ...good, senTrainingCompletedOn: null }, '2026-11-27').canBeAllocated, false)
  assert.equal(mediatorStanding({ ...good, cmcRegistrationExpiry: null }, '2026-11-27').canBeAllocated, false)
  const cpd = mediatorStanding({ ...good, cpdHoursByYear: { 2026: 4 } }, '2026-11-27')
  assert.equal(cpd.canBeAllocated, true)
  assert.match(cpd.warnings[0]!.message, /4 of the 6 hours/)
  assert.equal(mediatorStanding({ ...good, active: false }, '2026-11-27').canBeAllocated, false)
})
