import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { caseDeadlines, cases, certificates } from '../../db/schema/index.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeCase } from './testing.ts'
import { createWorkflowService } from './workflow-service.ts'

const actor = { label: 'Test coordinator' }

describe('the workflow service, on the worked example in rules.md', () => {
  let t: TestApp
  before(async () => (t = await createTestApp({ now: '2026-12-18T10:00:00Z' })))
  after(() => t.close())

  test('a parent who declines mediation gets a certificate due in 3 working days, and the appeal deadline follows it', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const { id } = await makeCase(t.database, t.clock) // letter sent Mon 19 Oct 2026
    const index = async () =>
      Object.fromEntries(
        (await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, id))).map((d) => [d.name, d]),
      )

    // The letter and this contact start the clocks as soon as the case exists.
    assert.equal((await index())['adviser-contact']?.status, 'met')
    assert.equal((await index()).appeal?.dueDate, '2026-12-21') // 2 months: Sat 19 Dec, next working day

    const refused = await workflow.apply(id, { type: 'decline-mediation' }, { actor })
    assert.equal(refused.ok, false)
    assert.match(!refused.ok ? refused.reason : '', /scope/i)

    assert.equal(
      (
        await workflow.apply(
          id,
          { type: 'decide-scope', scope: 'sen-mediation', reason: 'Appealable decision' },
          { actor },
        )
      ).ok,
      true,
    )
    assert.equal((await workflow.apply(id, { type: 'decline-mediation' }, { actor })).ok, true)
    assert.equal((await index()).certificate?.dueDate, '2026-12-23')
    assert.equal((await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.status, 'declined')

    t.clock.set('2026-12-23T12:00:00Z')
    const issued = await workflow.apply(id, { type: 'issue-certificate', kind: 'declined' }, { actor })
    assert.equal(issued.ok, true)
    const deadlines = await index()
    assert.equal(deadlines.certificate?.status, 'met')
    assert.equal(deadlines.appeal?.dueDate, '2027-01-25')
    const [certificate] = await t.database.db.select().from(certificates).where(eq(certificates.caseId, id))
    assert.equal(certificate?.kind, 'declined')
    const content = certificate?.content as { issuedTo: { name: string }; appealDeadline: { dueDate: string } }
    assert.equal(content.issuedTo.name, 'Sarah Hartley')
    assert.equal(content.appealDeadline.dueDate, '2027-01-25', 'the deadline is kept with the certificate')
  })

  test('a stale version and a future date are refused, and nothing is written', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const { id } = await makeCase(t.database, t.clock)
    const [before] = await t.database.db.select().from(cases).where(eq(cases.id, id))
    const stale = await workflow.apply(
      id,
      { type: 'decide-scope', scope: 'disagreement-resolution', reason: 'x' },
      { actor, expectedVersion: before!.version + 1 },
    )
    assert.deepEqual(stale.ok ? null : stale.code, 'stale')
    const future = await workflow.recordFact(id, 'health-body-notified', {}, { actor, occurredOn: '2099-01-01' })
    assert.deepEqual(future.ok ? null : future.code, 'invalid')
    const [afterwards] = await t.database.db.select().from(cases).where(eq(cases.id, id))
    assert.equal(afterwards!.version, before!.version)
  })

  test('an update to a person restarts their update clock', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const { id } = await makeCase(t.database, t.clock)
    const { deadlines } = await workflow.snapshot(id)
    const owed = deadlines.find((d) => d.name.startsWith('update:'))!
    const partyId = owed.name.slice('update:'.length)
    t.clock.set('2026-12-24T10:00:00Z')
    assert.equal(
      (
        await workflow.recordUpdate(
          id,
          { partyId, channel: 'phone', note: 'Still waiting to hear from the council' },
          { actor },
        )
      ).ok,
      true,
    )
    const later = (await workflow.deadlinesOf(id)).find((d) => d.name === owed.name)!
    assert.ok(later.dueDate > owed.dueDate)
    assert.match(later.rule, /Last update: Thursday 24 December 2026/)
  })
})
