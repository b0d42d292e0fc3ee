import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import {
  accessLog,
  agencies,
  caseDeadlines,
  caseEvents,
  cases,
  councilAgencies,
  scopeDecisions,
} from '../../../db/schema/index.ts'
import { makeCase } from '../testing.ts'
import { staleMessage } from '../labels.ts'

describe('the scope decision at /cases/:id/scope', () => {
  let t: TestApp
  let coordinator: Agent
  let coordinatorId: string
  let sendiassId: string
  let theCase: { id: string; reference: string }
  const url = () => `/cases/${theCase.id}/scope`

  const stateOf = async (id: string) => {
    const [row] = await t.database.db
      .select({ scope: cases.scope, status: cases.status, version: cases.version })
      .from(cases)
      .where(eq(cases.id, id))
    const decisions = await t.database.db.select().from(scopeDecisions).where(eq(scopeDecisions.caseId, id))
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'scope-decided')))
    return { ...row!, decisions, events }
  }

  before(async () => {
    t = await createTestApp()
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')).id
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    await createStaff(t.database, 'manager@example.com', ['manager'])
    sendiassId = (await t.database.db.select().from(agencies).where(eq(agencies.code, 'sendiass')))[0]!.id
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  beforeEach(async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    theCase = await makeCase(t.database, t.clock)
  })
  after(() => t.close())

  it('shows a coordinator the form, the difference between the services and the two special cases', async () => {
    const res = await coordinator.get(url())
    assert.equal(res.statusCode, 200)
    assert.equal(
      titleOf(res),
      `Decide the scope - ${theCase.reference} - SEN Mediation and Disagreement Resolution Service`,
    )
    const doc = html(res)
    const text = doc.querySelector('main')!.text.replace(/\s+/g, ' ')
    assert.match(text, /The difference between SEN mediation and disagreement resolution/)
    assert.match(text, /Most appeals need a mediation certificate first/)
    assert.match(text, /section I\) does not need a mediation certificate/)
    assert.match(text, /disability discrimination claim has no mediation step/)
    assert.deepEqual(
      doc.querySelectorAll('input[name="scope"]').map((i) => i.getAttribute('value')),
      ['sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope'],
    )
    assert.equal(doc.querySelectorAll('input[name="agency"]').length, 7)
    assert.equal(doc.querySelector('input[name="version"]')?.getAttribute('value'), '1')
  })

  it("offers the agencies on the case's council's signposting list, in its order", async () => {
    const [ipsea] = await t.database.db.select().from(agencies).where(eq(agencies.code, 'ipsea'))
    const councilId = (await t.database.db.select().from(cases).where(eq(cases.id, theCase.id)))[0]!.localAuthorityId
    const listed = await t.database.db
      .select()
      .from(councilAgencies)
      .where(eq(councilAgencies.localAuthorityId, councilId))
    await t.database.db.delete(councilAgencies).where(eq(councilAgencies.localAuthorityId, councilId))
    await t.database.db.insert(councilAgencies).values([
      { localAuthorityId: councilId, agencyId: ipsea!.id, sortOrder: 0 },
      { localAuthorityId: councilId, agencyId: sendiassId, sortOrder: 1 },
    ])
    try {
      const doc = html(await coordinator.get(url()))
      assert.deepEqual(
        doc.querySelectorAll('input[name="agency"]').map((i) => i.getAttribute('value')),
        [ipsea!.id, sendiassId],
      )
    } finally {
      await t.database.db.delete(councilAgencies).where(eq(councilAgencies.localAuthorityId, councilId))
      await t.database.db.insert(councilAgencies).values(listed)
    }
  })

  it('records the view in the access log', async () => {
    await coordinator.get(url())
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, theCase.id))
    assert.deepEqual(
      rows.map((r) => [r.action, r.path, r.userId]),
      [['view', url(), coordinatorId]],
    )
  })

  it('sends someone not signed in to sign in, and refuses a mediator', async () => {
    assertRedirect(await new Agent(t.app).get(url()), /^\/sign-in\?next=/)
    const anonymous = await new Agent(t.app).post(url(), { scope: 'both', reason: 'x', version: '1' })
    assert.equal(anonymous.statusCode, 403) // no session, so no form token
    assert.equal((await stateOf(theCase.id)).version, 1)
    const mediator = await new Agent(t.app).signIn('mediator@example.com')
    assert.equal((await mediator.get(url())).statusCode, 403)
  })

  it('lets a manager decide too', async () => {
    const manager = await new Agent(t.app).signIn('manager@example.com')
    assert.equal((await manager.get(url())).statusCode, 200)
  })

  it('asks for the service and the reason', async () => {
    const res = await coordinator.submit(url(), { version: '1', reason: '  ' })
    assertFormErrors(res, ['scope', 'reason'])
    assert.match(res.body, /Enter the reason for the decision/)
    assert.equal((await stateOf(theCase.id)).version, 1)
  })

  it('asks where to signpost them when out of scope, keeping what was typed', async () => {
    const res = await coordinator.submit(url(), { version: '1', scope: 'out-of-scope', reason: '' })
    assertFormErrors(res, ['agency', 'reason'])
    assert.match(res.body, /Select where you are signposting them to/)
    const typed = await coordinator.submit(url(), {
      version: '1',
      scope: 'out-of-scope',
      reason: 'Not about SEN <b>at all</b>',
    })
    assertFormErrors(typed, ['agency'])
    assert.equal(html(typed).getElementById('reason')?.text, 'Not about SEN <b>at all</b>')
    assert.ok(typed.body.includes('Not about SEN &lt;b&gt;at all&lt;/b&gt;'))
    assert.equal(html(typed).querySelector('input[name="scope"][value="out-of-scope"]')?.hasAttribute('checked'), true)
    const unknown = await coordinator.submit(url(), {
      version: '1',
      scope: 'out-of-scope',
      agency: '00000000-0000-4000-8000-000000000000',
      reason: 'x',
    })
    assertFormErrors(unknown, ['agency'])
    const state = await stateOf(theCase.id)
    assert.deepEqual([state.version, state.decisions.length, state.events.length], [1, 0, 0])
  })

  it('refuses fields it does not expect', async () => {
    const res = await coordinator.submit(url(), { version: '1', scope: 'both', reason: 'x', status: 'closed' })
    assert.equal(res.statusCode, 400)
    assert.equal((await stateOf(theCase.id)).version, 1)
  })

  it('records an in-scope decision, its event and a new version, then shows the case with a message', async () => {
    t.clock.set('2026-11-27T10:05:00Z') // minutes later: the session stays alive
    const res = await coordinator.submit(url(), {
      version: '1',
      scope: 'sen-mediation',
      reason: 'Refusal to amend.\nAppealable.',
      agency: sendiassId,
    })
    assertRedirect(res, `/cases/${theCase.id}`)
    const state = await stateOf(theCase.id)
    assert.deepEqual([state.scope, state.status, state.version], ['sen-mediation', 'scope-decided', 2])
    assert.equal(state.decisions.length, 1)
    assert.deepEqual(
      { ...state.decisions[0], id: '' },
      {
        id: '',
        caseId: theCase.id,
        scope: 'sen-mediation',
        reason: 'Refusal to amend.\nAppealable.',
        signpostAgencyId: null,
        decidedBy: coordinatorId,
        decidedByLabel: 'Cora Ordinator',
        appealSubject: null,
        decidedAt: new Date('2026-11-27T10:05:00Z'),
      },
    )
    assert.equal(state.events.length, 1)
    assert.equal(state.events[0]!.actorUserId, coordinatorId)
    assert.equal(state.events[0]!.actorLabel, 'Cora Ordinator')
    assert.equal(state.events[0]!.occurredOn, '2026-11-27')
    assert.equal(state.events[0]!.recordedAt.toISOString(), '2026-11-27T10:05:00.000Z')
    assert.deepEqual(state.events[0]!.data, {
      scope: 'sen-mediation',
      reason: 'Refusal to amend.\nAppealable.',
      agencyId: null,
      agencyName: null,
    })

    const page = await coordinator.get(`/cases/${theCase.id}`)
    const doc = html(page)
    assert.match(doc.querySelector('.govuk-notification-banner')!.text, /Scope decided: SEN mediation/)
    assert.equal(doc.getElementById('scope-reason')?.text, 'Refusal to amend.\nAppealable.')
    assert.match(doc.querySelector('.moj-identity-bar')!.text, /Type: SEN mediation/)
    assert.equal(
      html(await coordinator.get(`/cases/${theCase.id}`)).querySelector('.govuk-notification-banner'),
      null,
      'the message shows once',
    )
  })

  it('records what the appeal is about; only section I sets no adviser or certificate deadline', async () => {
    const res = await coordinator.submit(url(), {
      version: '1',
      scope: 'sen-mediation',
      reason: 'Only the school named is in dispute.',
      appealDecisions: 'plan-contents',
      appealSections: 'I',
    })
    assertRedirect(res, `/cases/${theCase.id}`)
    const state = await stateOf(theCase.id)
    assert.deepEqual(state.decisions[0]!.appealSubject, { decisions: ['plan-contents'], sections: ['I'] })
    assert.deepEqual((state.events[0]!.data as { appealSubject: unknown }).appealSubject, {
      decisions: ['plan-contents'],
      sections: ['I'],
    })
    const deadlines = await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, theCase.id))
    assert.ok(!deadlines.some((d) => d.name === 'adviser-contact' || d.name === 'certificate'))
    const overview = html(await coordinator.get(`/cases/${theCase.id}`))
    assert.match(overview.getElementById('appeal-subject')!.text, /Section I/)
    // The form shows the subject as last decided.
    const again = html(await coordinator.get(url()))
    assert.equal(again.querySelector('input[name="appealSections"][value="I"]')?.hasAttribute('checked'), true)
    assert.equal(again.querySelector('input[name="appealSections"][value="B"]')?.hasAttribute('checked'), false)
    const bad = await coordinator.submit(url(), { version: '2', scope: 'both', reason: 'x', appealSections: 'Z' })
    assertFormErrors(bad, ['appealSections'])
  })

  it('signposts an out-of-scope case to the chosen agency', async () => {
    const res = await coordinator.submit(url(), {
      version: '1',
      scope: 'out-of-scope',
      agency: sendiassId,
      reason: 'Advice only',
    })
    assertRedirect(res, `/cases/${theCase.id}`)
    const state = await stateOf(theCase.id)
    assert.deepEqual([state.scope, state.status, state.version], ['out-of-scope', 'signposted', 2])
    assert.equal(state.decisions[0]!.signpostAgencyId, sendiassId)
    assert.equal((state.events[0]!.data as { agencyId: string }).agencyId, sendiassId)
    assert.match(html(await coordinator.get(`/cases/${theCase.id}`)).getElementById('scope-decision')!.text, /SENDIASS/)
  })

  it('refuses a decision made on an out-of-date version, and changes nothing', async () => {
    const first = new Agent(t.app)
    await first.signIn('coordinator@example.com')
    await first.get(url()) // the form, at version 1
    assertRedirect(await coordinator.submit(url(), { version: '1', scope: 'both', reason: 'Both issues' }))

    const stale = await first.post(url(), {
      version: '1',
      scope: 'out-of-scope',
      agency: sendiassId,
      reason: 'Advice only',
    })
    assert.equal(stale.statusCode, 409)
    assert.match(titleOf(stale), /^Error: /)
    const summary = html(stale).querySelector('.govuk-error-summary')!
    assert.match(summary.text, new RegExp(staleMessage.replace('.', '\\.')))
    assert.equal(summary.querySelector('a')?.getAttribute('href'), '#case-now')
    assert.ok(html(stale).getElementById('case-now'))
    assert.equal(html(stale).getElementById('reason')?.text, 'Advice only')
    assert.equal(html(stale).querySelector('input[name="version"]')?.getAttribute('value'), '2')

    const state = await stateOf(theCase.id)
    assert.deepEqual(
      [state.scope, state.status, state.version, state.decisions.length, state.events.length],
      ['both', 'scope-decided', 2, 1, 1],
    )

    assert.equal((await coordinator.submit(url(), { version: 'x', scope: 'both', reason: 'y' })).statusCode, 409)
  })

  it('gives 404 for an unknown or malformed case', async () => {
    assert.equal((await coordinator.get('/cases/00000000-0000-4000-8000-000000000000/scope')).statusCode, 404)
    assert.equal((await coordinator.get('/cases/oops/scope')).statusCode, 404)
    const post = await coordinator.post('/cases/oops/scope', { version: '1', scope: 'both', reason: 'x' })
    assert.equal(post.statusCode, 404)
  })

  it('shows the reason escaped on the timeline', async () => {
    assertRedirect(
      await coordinator.submit(url(), { version: '1', scope: 'both', reason: '<script>alert(1)</script>' }),
    )
    const res = await coordinator.get(`/cases/${theCase.id}/timeline`)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(res.body.includes('Reason: &lt;script&gt;alert(1)&lt;/script&gt;'))
  })
})
