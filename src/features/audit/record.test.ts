import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { auditTrail } from '../../db/schema/index.ts'
import { recordChange } from './index.ts'

describe('the audit trail', () => {
  let t: TestApp
  let userId: string
  before(async () => {
    t = await createTestApp()
    userId = (await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')).id
  })
  after(() => t.close())

  it('keeps who, from where, what, which record, and the record before and after (dates as text)', async () => {
    await t.database.db.transaction((tx) =>
      recordChange(tx, t.clock, {
        by: { userId, ip: '192.0.2.7' },
        action: 'council.changed',
        record: { kind: 'council', id: 'c-1' },
        before: { phone: '01632 960 001', openedOn: new Date('2026-01-05T00:00:00Z') },
        after: { phone: '01632 960 002', districts: ['WA1', 'WA2'] },
      }),
    )
    const rows = await t.database.db.select().from(auditTrail)
    assert.equal(rows.length, 1)
    const [row] = rows
    assert.deepEqual(
      { ...row, id: undefined },
      {
        id: undefined,
        at: t.clock.now(),
        userId,
        ip: '192.0.2.7',
        action: 'council.changed',
        recordKind: 'council',
        recordId: 'c-1',
        caseId: null,
        before: { phone: '01632 960 001', openedOn: '2026-01-05T00:00:00.000Z' },
        after: { phone: '01632 960 002', districts: ['WA1', 'WA2'] },
      },
    )
  })

  it('is written with the change or not at all: a change rolled back leaves no record', async () => {
    const count = async () => (await t.database.db.select().from(auditTrail)).length
    const before = await count()
    await assert.rejects(
      t.database.db.transaction(async (tx) => {
        await recordChange(tx, t.clock, {
          by: { userId: null, ip: null },
          action: 'council.created',
          record: { kind: 'council', id: 'c-2' },
          before: null,
          after: { name: 'Somewhere Council' },
        })
        throw new Error('the change itself failed')
      }),
    )
    assert.equal(await count(), before)
  })

  it('refuses an action or record with no name', async () => {
    await assert.rejects(
      t.database.db.transaction((tx) =>
        recordChange(tx, t.clock, {
          by: { userId, ip: null },
          action: '',
          record: { kind: 'council', id: 'c-3' },
          before: null,
          after: null,
        }),
      ),
    )
  })
})
