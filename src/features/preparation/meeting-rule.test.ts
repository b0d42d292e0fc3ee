// The workflow refuses to arrange the meeting until every party has been contacted, naming who has not.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { caseEvents, cases } from '../../db/schema/index.ts'
import { createWorkflowService } from '../cases/index.ts'
import { createPreparationService } from './service.ts'
import { preparationCase } from './testing.ts'

describe('arranging the meeting needs every party contacted', () => {
  let t: TestApp
  let user: { id: string; name: string }
  const actor = { label: 'Test' }

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    user = await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
  })
  after(() => t.close())

  it('says who has not been contacted, changes nothing, and allows it once everyone has been', async () => {
    const c = await preparationCase(t) // Sarah Hartley, the council, the school; the case was asked for by the parent
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const ready = await workflow.apply(
      c.id,
      [
        { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' },
        { type: 'choose-mediation' },
        { type: 'invite-party', party: 'local-authority', on: '2026-11-27', how: 'email' },
        { type: 'allocate-mediator', mediator: 'Mo Mediator' },
        { type: 'start-preparation' },
      ],
      { actor },
    )
    assert.ok(ready.ok)
    const arrange = { type: 'arrange-meeting', meetingDate: '2026-12-10' } as const
    const preparation = createPreparationService({ db: t.database.db, clock: t.clock })
    const contact = (partyId: string) =>
      preparation.addContact(
        c.id,
        { partyId, contactedOn: '2026-11-26', method: 'phone', note: 'Called', submissionKey: randomUUID() },
        { actor: { userId: user.id, label: user.name } },
      )

    const none = await workflow.apply(c.id, arrange, { actor })
    assert.deepEqual(none, {
      ok: false,
      code: 'refused',
      reason:
        'Contact every party before arranging the meeting. Not contacted yet: Sarah Hartley, the council (Warrington Borough Council), the school (Brookfield Primary School).',
    })

    assert.ok((await contact(c.parent.id)).ok)
    assert.ok((await contact(c.council.id)).ok)
    const one = await workflow.apply(c.id, arrange, { actor })
    assert.equal(one.ok, false)
    assert.equal(
      !one.ok && one.reason,
      'Contact every party before arranging the meeting. Not contacted yet: the school (Brookfield Primary School).',
    )
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(row!.status, 'preparation')
    assert.equal(
      (
        await t.database.db
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'meeting-scheduled')))
      ).length,
      0,
    )

    assert.ok((await contact(c.school.id)).ok)
    const done = await workflow.apply(c.id, arrange, { actor })
    assert.ok(done.ok)
    assert.equal(done.ok && done.state.status, 'meeting-arranged')
  })

  it('still gives the workflow’s own reason first when the case is not ready for a meeting', async () => {
    const c = await preparationCase(t)
    const res = await createWorkflowService({ db: t.database.db, clock: t.clock }).apply(
      c.id,
      { type: 'arrange-meeting', meetingDate: '2026-12-10' },
      { actor },
    )
    assert.equal(res.ok, false)
    assert.doesNotMatch(!res.ok ? res.reason : '', /Contact every party/)
  })
})
