import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { mediatorConflicts, mediatorCpd, mediatorUnavailability } from '../../db/schema/index.ts'
import { mediatorStanding } from '../../domain/mediator-standing.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { listMediatorsForAllocation } from './allocation-repository.ts'
import { insertMediator } from './testing.ts'

describe('listMediatorsForAllocation', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  test('is empty with no panel', async () => {
    assert.deepEqual(await listMediatorsForAllocation(t.database.db), [])
  })

  test('gives every active mediator, by name, with all that allocation needs', async () => {
    const account = await createStaff(t.database, 'zed@example.com', ['mediator'])
    const zed = await insertMediator(
      t.database,
      { name: 'Zed', userId: account.id, languages: ['English', 'BSL'], workingDays: [2, 4] },
      0,
    )
    const amy = await insertMediator(t.database, { name: 'Amy', dbsRenewalDue: '2026-01-01' }, 0)
    await insertMediator(t.database, { name: 'Ina Inactive', active: false })
    const now = new Date()
    await t.database.db.insert(mediatorCpd).values([
      { mediatorId: zed.id, completedOn: '2026-01-10', hours: '2.5', activity: 'a', createdAt: now },
      { mediatorId: zed.id, completedOn: '2026-12-31', hours: '4', activity: 'b', createdAt: now },
      { mediatorId: zed.id, completedOn: '2025-06-01', hours: '1.5', activity: 'c', createdAt: now },
    ])
    await t.database.db.insert(mediatorUnavailability).values([
      { mediatorId: zed.id, fromDate: '2027-01-04', toDate: '2027-01-08', note: null },
      { mediatorId: zed.id, fromDate: '2026-12-21', toDate: '2026-12-24', note: 'Leave' },
    ])
    await t.database.db.insert(mediatorConflicts).values({
      mediatorId: amy.id,
      organisationKind: 'health',
      organisationName: 'NHS Trust',
      link: 'contract',
      endedOn: '2025-03-31',
      declaredOn: '2026-01-01',
    })

    const list = await listMediatorsForAllocation(t.database.db)
    assert.deepEqual(
      list.map((m) => m.name),
      ['Amy', 'Zed'],
    )
    const [a, z] = list
    assert.deepEqual(z!.cpdHoursByYear, { 2025: 1.5, 2026: 6.5 })
    assert.equal(z!.userId, account.id)
    assert.deepEqual(z!.languages, ['English', 'BSL'])
    assert.deepEqual(z!.areas, ['warrington'])
    assert.deepEqual(z!.workingDays, [2, 4])
    assert.deepEqual(
      z!.unavailability.map((u) => [u.fromDate, u.toDate, u.note]),
      [
        ['2026-12-21', '2026-12-24', 'Leave'],
        ['2027-01-04', '2027-01-08', null],
      ],
    )
    assert.deepEqual(z!.conflicts, [])
    assert.equal(a!.userId, null)
    assert.deepEqual(a!.cpdHoursByYear, {})
    assert.deepEqual(
      a!.conflicts.map((c) => [c.organisationKind, c.link, c.localAuthorityId, c.endedOn]),
      [['health', 'contract', null, '2025-03-31']],
    )
    // Each is a MediatorCredentials, ready for the standing rules.
    assert.equal(mediatorStanding(z!, '2026-11-27').canBeAllocated, true)
    assert.deepEqual(
      mediatorStanding(a!, '2026-11-27').blocking.map((b) => b.what),
      ['dbs'],
    )
  })
})
