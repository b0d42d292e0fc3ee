// The access log writes the looks of pages read at the same time together, and each page waits
// for its own look: every page sent has its look stored, and a look that cannot be stored fails
// only its own request.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../test/helpers/audit.ts'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { accessLog } from '../../db/schema/index.ts'
import { recordAccess } from './access-log.ts'
import { makeCase } from './testing.ts'

describe('the access log', () => {
  let t: TestApp
  let userId: string
  let caseId: string
  before(async () => {
    t = await createTestApp()
    userId = (await createStaff(t.database, 'cora@example.com', ['coordinator'])).id
    caseId = (await makeCase(t.database, t.clock)).id
  })
  after(() => t.close())

  it('stores the look of every page read at once, before each page is sent', async () => {
    await clearAccessLog(t.database)
    const cora = await new Agent(t.app).signIn('cora@example.com')
    const tabs = ['', '/progress', '/timeline', '/messages', '/certificates']
    const pages = await Promise.all(
      Array.from({ length: 20 }, (_, i) => cora.get(`/cases/${caseId}${tabs[i % tabs.length]}?i=${i}`)),
    )
    assert.deepEqual(
      pages.map((p) => p.statusCode),
      pages.map(() => 200),
    )
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, caseId))
    assert.equal(rows.length, 20)
    assert.ok(rows.every((r) => r.userId === userId && r.action === 'view' && !r.path.includes('?')))
  })

  it('fails only the look that cannot be stored, when looks are written together', async () => {
    await clearAccessLog(t.database)
    const looks = Array.from({ length: 12 }, (_, i) =>
      recordAccess(t.database.db, t.clock, {
        userId,
        // One look at a case that does not exist (its foreign key refuses it).
        caseId: i === 5 ? randomUUID() : caseId,
        path: `/cases/${caseId}/look-${i}`,
      }),
    )
    const settled = await Promise.allSettled(looks)
    assert.deepEqual(
      settled.map((s) => s.status),
      settled.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')),
    )
    assert.equal((await t.database.db.select().from(accessLog)).length, 11)
  })
})
