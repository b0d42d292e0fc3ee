// Where a change or a look came from: each case event and each look in the access log keeps the
// address of the request that made it (a form post included, whose handler runs after its body
// is read), and the hash chain covers it; work no request asked for keeps none.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { accessLog, caseEvents, cases } from '../../db/schema/index.ts'
import { verifyAudit } from '../audit/index.ts'
import { recordAccess } from './index.ts'
import { makeCase } from './testing.ts'

let t: TestApp
let caseId: string
let userId: string
before(async () => {
  t = await createTestApp()
  userId = (await createStaff(t.database, 'cora@example.com', ['coordinator'])).id
  caseId = (await makeCase(t.database, t.clock)).id
})
after(() => t.close())

test('a case event and a look keep the address of the request that made them', async () => {
  const cora = await new Agent(t.app).signIn('cora@example.com')
  assert.equal((await cora.get(`/cases/${caseId}`)).statusCode, 200)
  const [look] = await t.database.db
    .select()
    .from(accessLog)
    .where(and(eq(accessLog.caseId, caseId), eq(accessLog.userId, userId)))
  assert.equal(look?.ip, '127.0.0.1')

  const [row] = await t.database.db.select({ version: cases.version }).from(cases).where(eq(cases.id, caseId))
  const took = await cora.submit(`/cases/${caseId}/progress/take`, { version: String(row!.version) })
  assert.equal(took.statusCode, 303)
  const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))
  const taken = events.find((e) => e.actorUserId === userId)
  assert.ok(taken, 'taking the case is a case event')
  assert.equal(taken.ip, '127.0.0.1')
  assert.equal(events.find((e) => e.type === 'enquiry-received')?.ip, null, 'the case made outside a request has none')

  await recordAccess(t.database.db, t.clock, { userId, caseId, path: '/by-a-job' })
  const [byJob] = await t.database.db.select().from(accessLog).where(eq(accessLog.path, '/by-a-job'))
  assert.equal(byJob?.ip, null)
  assert.equal((await verifyAudit(t.database.db, undefined)).ok, true, 'the chain holds, addresses included')
})
