import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog } from '../../../db/schema/index.ts'
import { formatDate, formatDateTime } from '../../../web/format.ts'
import { createCase } from '../create-case.ts'
import { decideScope } from '../scope-decision.ts'
import { firstCouncilId, makeCase, sampleFacts } from '../testing.ts'

describe('the case timeline at /cases/:id/timeline', () => {
  let t: TestApp
  let coordinator: Agent
  let coordinatorId: string
  let phoned: { id: string; reference: string }

  before(async () => {
    t = await createTestApp()
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')).id
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    phoned = await createCase(t.database.db, t.clock, {
      localAuthorityId: await firstCouncilId(t.database),
      facts: sampleFacts(),
      channel: 'phone',
      contactedOn: '2026-11-25',
      actor: { userId: coordinatorId, label: 'Cora Ordinator' },
      firstContact: {
        reasonForContact: 'Wants to appeal',
        differenceExplained: true,
        understandingChecked: true,
        preferencesAsked: true,
        signposting: '',
      },
    })
    t.clock.set('2026-11-30T14:30:00Z')
    await decideScope(t.database.db, t.clock, {
      caseId: phoned.id,
      version: 1,
      scope: 'sen-mediation',
      reason: 'Refusal to amend the plan.\nAppealable.',
      actor: { userId: coordinatorId, label: 'Cora Ordinator' },
    })
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  it('sends someone not signed in to sign in', async () => {
    assertRedirect(await new Agent(t.app).get(`/cases/${phoned.id}/timeline`), /^\/sign-in\?next=/)
  })

  it('shows what happened, newest first, with who and when', async () => {
    const res = await coordinator.get(`/cases/${phoned.id}/timeline`)
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res), `Timeline - ${phoned.reference} - SEN Mediation and Disagreement Resolution Service`)
    const doc = html(res)
    assert.equal(doc.querySelector('.moj-sub-navigation__link[aria-current="page"]')?.text.trim(), 'Timeline')
    const items = doc.querySelectorAll('.moj-timeline__item')
    assert.deepEqual(
      items.map((i) => i.querySelector('.moj-timeline__title')!.text.trim()),
      [
        'Scope decided: SEN mediation',
        'The mediation adviser was contacted',
        'First contact recorded',
        'Request for help received',
        "The council's decision letter was sent", // the day the council's letter went, weeks before the call
      ],
    )
    assert.equal(items[0]!.querySelector('.moj-timeline__byline')!.text.trim(), 'by Cora Ordinator')
    assert.equal(items[0]!.querySelector('time')!.getAttribute('datetime'), '2026-11-30')
    assert.equal(items[2]!.querySelector('time')!.getAttribute('datetime'), '2026-11-25')
    assert.equal(items[2]!.querySelector('time')!.text.trim(), formatDate('2026-11-25'))
    const decided = items[0]!.querySelector('.moj-timeline__description')!
    assert.equal(decided.querySelector('.app-pre-wrap')!.text, 'Reason: Refusal to amend the plan.\nAppealable.')
    assert.match(decided.text, new RegExp(`Recorded ${formatDateTime(new Date('2026-11-30T14:30:00Z'))}`))
    assert.match(items[3]!.text, /Received: phone/)
  })

  it('records the view in the access log', async () => {
    await clearAccessLog(t.database)
    await coordinator.get(`/cases/${phoned.id}/timeline`)
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, phoned.id))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.action, 'view')
    assert.equal(rows[0]!.userId, coordinatorId)
    assert.equal(rows[0]!.path, `/cases/${phoned.id}/timeline`)
  })

  it('gives a mediator and an unknown or malformed id the not-found page', async () => {
    const mediator = await new Agent(t.app).signIn('mediator@example.com')
    const hidden = await mediator.get(`/cases/${phoned.id}/timeline`)
    assert.equal(hidden.statusCode, 404)
    assert.ok(!hidden.body.includes(phoned.reference))
    assert.equal((await coordinator.get('/cases/00000000-0000-4000-8000-000000000000/timeline')).statusCode, 404)
    assert.equal((await coordinator.get('/cases/nonsense/timeline')).statusCode, 404)
  })

  it("shows a child's name escaped", async () => {
    const bad = await makeCase(t.database, t.clock, { childName: '<script>alert(1)</script>' })
    const res = await coordinator.get(`/cases/${bad.id}/timeline`)
    assert.equal(res.statusCode, 200)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  })
})
