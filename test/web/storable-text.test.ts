// A form whose text PostgreSQL cannot store (a NUL character) gets 400 naming the field, and
// nothing is saved, instead of failing at the database with the row in the error log.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { cases } from '../../src/db/schema/index.ts'
import { makeCase } from '../../src/features/cases/testing.ts'

describe('text that cannot be stored, in a form', () => {
  let t: TestApp
  let coordinator: Agent
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  it('is refused with 400 naming the field, and nothing is saved', async () => {
    const { id } = await makeCase(t.database, t.clock)
    const res = await coordinator.submit(`/cases/${id}/scope`, {
      version: '1',
      scope: 'sen-mediation',
      reason: 'Appealable\u0000 decision',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /The answer to “reason” has a character that cannot be saved/)
    const [row] = await t.database.db.select({ version: cases.version }).from(cases).where(eq(cases.id, id))
    assert.equal(row!.version, 1)
  })

  it('is refused in a query string too', async () => {
    const res = await coordinator.get('/cases?q=a%00b')
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /The answer to “q”/)
  })
})
