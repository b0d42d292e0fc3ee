// /ready says when Parley cannot do its work: the database does not answer, or messages wait past
// their time because the delivery job is not taking them.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { messages } from '../../src/db/schema/index.ts'
import { queueOne } from '../../src/features/messages/testing.ts'
import { createTestApp, type TestApp } from '../helpers/app.ts'

describe('GET /ready', () => {
  let t: TestApp
  before(async () => (t = await createTestApp()))
  after(() => t.close())

  it('is ready when the database answers and nothing waits', async () => {
    const res = await t.app.inject('/ready')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().status, 'ready')
  })

  it('is not ready while a message has waited more than two minutes for the delivery job', async () => {
    const row = await queueOne(t.database.db, t.clock)
    assert.equal((await t.app.inject('/ready')).statusCode, 200, 'just queued is not late')
    await t.database.db
      .update(messages)
      .set({ nextAttemptAt: new Date(t.clock.now().getTime() - 3 * 60_000) })
      .where(eq(messages.id, row.id))
    const late = await t.app.inject('/ready')
    assert.equal(late.statusCode, 503)
    assert.deepEqual(late.json(), { status: 'messages overdue', database: t.database.kind, messagesOverdue: 1 })
    await t.database.db.update(messages).set({ status: 'sent' }).where(eq(messages.id, row.id))
    assert.equal((await t.app.inject('/ready')).statusCode, 200)
  })
})
