import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, caseParties, cases } from '../../../db/schema/index.ts'
import { makeCase } from '../testing.ts'
import { contactEveryParty } from '../../preparation/testing.ts'
import { createWorkflowService } from '../workflow-service.ts'
import { actionForms } from './schema.ts'

const today = { 'occurredOn-day': '27', 'occurredOn-month': '11', 'occurredOn-year': '2026' }

describe('workflow actions at /cases/:id/actions/:action', () => {
  let t: TestApp
  let coordinator: Agent
  let mediator: Agent
  let coordinatorId: string
  const actor = { label: 'Test' }
  const url = (id: string, action: string) => `/cases/${id}/actions/${action}`
  const stateOf = async (id: string) => {
    const [row] = await t.database.db
      .select({ status: cases.status, version: cases.version })
      .from(cases)
      .where(eq(cases.id, id))
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id))
    return { ...row!, events: events.map((e) => e.type) }
  }
  /** A case whose scope is decided: SEN mediation unless said otherwise. */
  const scoped = async (scope: 'sen-mediation' | 'disagreement-resolution' = 'sen-mediation') => {
    const made = await makeCase(t.database, t.clock)
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok((await workflow.apply(made.id, { type: 'decide-scope', scope, reason: 'x' }, { actor })).ok)
    return made
  }

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')).id
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    mediator = await new Agent(t.app).signIn('mediator@example.com')
  })
  beforeEach(() => t.clock.set('2026-11-27T10:00:00Z'))
  after(() => t.close())

  it('has a page for every action but the scope decision, each with the date it happened filled in as today', async () => {
    const { id, reference } = await scoped()
    for (const [type, form] of Object.entries(actionForms)) {
      const res = await coordinator.get(url(id, type))
      assert.equal(res.statusCode, 200, type)
      assert.equal(titleOf(res), `${form.title} - ${reference} - SEN Mediation and Disagreement Resolution Service`)
      const doc = html(res)
      // Either the form (with the case version), or why it cannot be done now.
      if (doc.getElementById('refusal')) continue
      assert.equal(doc.querySelector('input[name="version"]')?.getAttribute('value'), '2', type)
      assert.equal(doc.getElementById('occurredOn-day')?.getAttribute('value'), '27', type)
    }
    assert.equal((await coordinator.get(url(id, 'decide-scope'))).statusCode, 404)
    assert.equal((await coordinator.get(url(id, 'fly-to-the-moon'))).statusCode, 404)
    assert.equal((await coordinator.post(url(id, 'fly-to-the-moon'), today)).statusCode, 404)
  })

  it('says why an action cannot be done now instead of showing its form', async () => {
    const { id } = await makeCase(t.database, t.clock)
    const doc = html(await coordinator.get(url(id, 'decline-mediation')))
    assert.match(doc.getElementById('refusal')!.text, /This cannot be done now\. Decide the scope first\./)
    assert.equal(doc.querySelector('form[action$="/decline-mediation"]'), null)
    assert.deepEqual(
      doc.querySelectorAll('#first-steps a').map((a) => [a.text.trim(), a.getAttribute('href')]),
      [['Decide the scope', `/cases/${id}/scope`]],
    )
  })

  it('says plainly that recording an invitation sends nothing', async () => {
    const { id } = await scoped('disagreement-resolution')
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok((await workflow.apply(id, { type: 'start-willingness' }, { actor })).ok)
    const doc = html(await coordinator.get(url(id, 'invite-party')))
    assert.ok(doc.querySelector('form[action$="/invite-party"]'), 'the form is shown')
    assert.match(
      doc.querySelector('main')!.text,
      /This records an invitation you have already sent another way .* Parley does not send anything from this page/,
    )
  })

  it('links every refusal that names a step to the page where that step is taken', async () => {
    const links = async (id: string, action: string) =>
      html(await coordinator.get(url(id, action)))
        .querySelectorAll('#first-steps a')
        .map((a) => a.getAttribute('href'))
    const sen = await scoped()
    // The parent's choice first: either answer.
    assert.deepEqual(await links(sen.id, 'invite-party'), [
      url(sen.id, 'choose-mediation'),
      url(sen.id, 'decline-mediation'),
    ])
    const dr = await scoped('disagreement-resolution')
    assert.deepEqual(await links(dr.id, 'allocate-mediator'), []) // the mediator page says it itself
    assert.deepEqual(await links(dr.id, 'invite-party'), [url(dr.id, 'start-willingness')])
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok((await workflow.apply(sen.id, { type: 'choose-mediation' }, { actor })).ok)
    // Preparation waits for a mediator: the link goes to the panel.
    assert.deepEqual(await links(sen.id, 'start-preparation'), [`/cases/${sen.id}/mediator`])
    // Closing a case under way: withdraw it instead.
    assert.ok((await links(sen.id, 'close')).includes(url(sen.id, 'withdraw')))
  })

  it('sends someone not signed in to sign in, and refuses a mediator (moving a case along is not theirs)', async () => {
    const { id } = await scoped()
    assertRedirect(await new Agent(t.app).get(url(id, 'choose-mediation')), /^\/sign-in\?next=/)
    assert.equal((await mediator.get(url(id, 'choose-mediation'))).statusCode, 403)
    await mediator.get('/account/password') // a page with a form, for its token
    assert.equal(
      (
        await mediator.post(url(id, 'choose-mediation'), {
          version: '2',
          healthInIssue: 'no',
          healthOnly: 'no',
          ...today,
        })
      ).statusCode,
      403,
    )
    assert.equal((await stateOf(id)).version, 2)
  })

  it('asks for what is missing, in the order of the form, keeping what was typed (escaped)', async () => {
    const { id } = await scoped()
    const res = await coordinator.submit(url(id, 'withdraw'), {
      version: '2',
      reason: '<script>alert(1)</script>',
      'occurredOn-day': '',
    })
    assertFormErrors(res, ['by', 'occurredOn-day'])
    assert.match(res.body, /Select who is withdrawing/)
    assert.match(res.body, /Enter the date it happened/)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.equal(html(res).getElementById('reason')?.text, '<script>alert(1)</script>')
    assertFormErrors(
      await coordinator.submit(url(id, 'withdraw'), { version: '2', by: 'parent', reason: ' ', ...today }),
      ['reason'],
    )
    assertFormErrors(await coordinator.submit(url(id, 'reopen'), { version: '2', ...today }), ['reason'])
    assertFormErrors(await coordinator.submit(url(id, 'choose-mediation'), { version: '2', ...today }), [
      'healthInIssue',
      'healthOnly',
    ])
    assertFormErrors(
      await coordinator.submit(url(id, 'arrange-meeting'), {
        version: '2',
        'meetingDate-day': '31',
        'meetingDate-month': '2',
        'meetingDate-year': '2027',
        ...today,
      }),
      ['meetingDate-day'],
    )
    assertRedirect(await coordinator.get(url(id, 'allocate-mediator')), `/cases/${id}/mediator`) // allocation is checked against the panel
    assertFormErrors(await coordinator.submit(url(id, 'conclude'), { version: '2', outcome: 'maybe', ...today }), [
      'outcome',
    ])
    const unwilling = await coordinator.submit(url(id, 'record-willingness'), {
      version: '2',
      party: 'school',
      answer: 'unwilling',
      reason: '',
      ...today,
    })
    assertFormErrors(unwilling, ['reason'])
    assert.match(unwilling.body, /Enter the reason they gave for not taking part/)
    const future = await coordinator.submit(url(id, 'decline-mediation'), {
      version: '2',
      'occurredOn-day': '28',
      'occurredOn-month': '11',
      'occurredOn-year': '2026',
    })
    assertFormErrors(future, ['occurredOn-day'])
    assert.match(future.body, /The date it happened must be today or in the past/)
    const extra = await coordinator.submit(url(id, 'decline-mediation'), { version: '2', status: 'closed', ...today })
    assert.equal(extra.statusCode, 400)
    const state = await stateOf(id)
    assert.deepEqual([state.status, state.version], ['scope-decided', 2])
  })

  it('refuses a step the workflow does not allow now, saying why, and changes nothing', async () => {
    const { id } = await makeCase(t.database, t.clock)
    const res = await coordinator.submit(url(id, 'choose-mediation'), {
      version: '1',
      healthInIssue: 'yes',
      healthOnly: 'no',
      ...today,
    })
    assert.equal(res.statusCode, 409)
    assert.match(titleOf(res), /^Error: /)
    const summary = html(res).querySelector('.govuk-error-summary')!
    assert.match(summary.text, /Decide the scope first\./)
    assert.equal(summary.querySelector('a')?.getAttribute('href'), '#case-now')
    assert.ok(html(res).getElementById('case-now'))
    assert.equal(html(res).querySelector('input[name="healthInIssue"][value="yes"]')?.hasAttribute('checked'), true)
    const state = await stateOf(id)
    assert.deepEqual([state.status, state.version, state.events.includes('mediation-requested')], ['enquiry', 1, false])
  })

  it('refuses a form made on an out-of-date version, and changes nothing', async () => {
    const { id } = await scoped()
    const res = await coordinator.submit(url(id, 'choose-mediation'), {
      version: '1',
      healthInIssue: 'yes',
      healthOnly: 'no',
      ...today,
    })
    assert.equal(res.statusCode, 409)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /Someone else changed this case while you were working on it/,
    )
    assert.equal(html(res).querySelector('input[name="version"]')?.getAttribute('value'), '2')
    const state = await stateOf(id)
    assert.deepEqual(
      [state.status, state.version, state.events.includes('mediation-requested')],
      ['scope-decided', 2, false],
    )
    assert.equal(
      (
        await coordinator.submit(url(id, 'choose-mediation'), {
          version: 'x',
          healthInIssue: 'yes',
          healthOnly: 'no',
          ...today,
        })
      ).statusCode,
      409,
    )
  })

  it('records a step: the event (as the person, on the day given), the new status, and a message on the progress page', async () => {
    const { id } = await scoped()
    const res = await coordinator.submit(url(id, 'choose-mediation'), {
      version: '2',
      healthInIssue: 'yes',
      healthOnly: 'no',
      'occurredOn-day': '25',
      'occurredOn-month': '11',
      'occurredOn-year': '2026',
    })
    assertRedirect(res, `/cases/${id}/progress`)
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'mediation-requested')))
    assert.deepEqual(
      [event!.occurredOn, event!.actorUserId, event!.actorLabel, event!.data],
      ['2026-11-25', coordinatorId, 'Cora Ordinator', { healthInIssue: true, healthOnly: false }],
    )
    const state = await stateOf(id)
    assert.deepEqual([state.status, state.version], ['willingness', 3])
    const doc = html(await coordinator.get(`/cases/${id}/progress`))
    assert.match(
      doc.querySelector('.govuk-notification-banner')!.text,
      /Recorded: the parent or young person wants mediation/,
    )
    assert.ok(doc.getElementById('deadline-health-body-notice'), 'health in issue starts the health body clock')
    assert.ok(doc.getElementById('deadline-mediation-held'))
  })

  it('arranges a meeting with its date, venue and shorter notice', async () => {
    const { id } = await scoped()
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok((await workflow.apply(id, { type: 'choose-mediation' }, { actor })).ok)
    assert.ok(
      (
        await workflow.apply(
          id,
          { type: 'invite-party', party: 'local-authority', on: '2026-11-27', how: 'email' },
          { actor },
        )
      ).ok,
    )
    assert.ok((await workflow.apply(id, { type: 'allocate-mediator', mediator: 'Mo Mediator' }, { actor })).ok)
    assert.ok((await workflow.apply(id, { type: 'start-preparation' }, { actor })).ok)
    await contactEveryParty(t.database, t.clock, id, { id: coordinatorId, name: 'Cora Ordinator' }) // a meeting needs every party contacted
    const res = await coordinator.submit(url(id, 'arrange-meeting'), {
      version: '8',
      'meetingDate-day': '2',
      'meetingDate-month': '12',
      'meetingDate-year': '2026',
      venue: 'Town Hall',
      shorterNoticeAgreed: 'yes',
      ...today,
    })
    assertRedirect(res)
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'meeting-scheduled')))
    assert.deepEqual(event!.data, {
      meetingDate: '2026-12-02',
      shorterNoticeAgreed: true,
      venue: 'Town Hall',
      route: 'sen-mediation',
    })
    assert.equal((await stateOf(id)).status, 'meeting-arranged')
  })

  it('preselects the party from the link and the certificate that is due', async () => {
    const { id } = await scoped('disagreement-resolution')
    await createWorkflowService({ db: t.database.db, clock: t.clock }).apply(
      id,
      { type: 'start-willingness' },
      { actor },
    )
    assert.equal(
      html(await coordinator.get(`${url(id, 'invite-party')}?party=school`))
        .querySelector('input[name="party"][value="school"]')
        ?.hasAttribute('checked'),
      true,
    )
    const sen = await scoped()
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok((await workflow.apply(sen.id, { type: 'decline-mediation' }, { actor })).ok)
    const doc = html(await coordinator.get(url(sen.id, 'issue-certificate')))
    assert.equal(doc.querySelector('input[name="kind"][value="declined"]')?.hasAttribute('checked'), true)
    assert.equal(doc.querySelector('input[name="kind"][value="after-mediation"]')?.hasAttribute('checked'), false)
  })
})

describe('recording an update at /cases/:id/updates/new', () => {
  let t: TestApp
  let coordinator: Agent
  let theCase: { id: string; reference: string }
  let sarahId: string
  const url = () => `/cases/${theCase.id}/updates/new`

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  beforeEach(async () => {
    theCase = await makeCase(t.database, t.clock)
    sarahId = (
      await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, theCase.id), eq(caseParties.name, 'Sarah Hartley')))
    )[0]!.id
  })
  after(() => t.close())

  it('shows the form with the person chosen from the link, and keeps others out', async () => {
    const res = await coordinator.get(`${url()}?party=${sarahId}`)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Record an update - /)
    const doc = html(res)
    assert.equal(doc.querySelector(`input[name="party"][value="${sarahId}"]`)?.hasAttribute('checked'), true)
    assert.deepEqual(
      doc.querySelectorAll('input[name="channel"]').map((i) => i.getAttribute('value')),
      ['email', 'phone', 'letter', 'text', 'in-person'],
    )
    assertRedirect(await new Agent(t.app).get(url()), /^\/sign-in\?next=/)
    assert.equal((await (await new Agent(t.app).signIn('mediator@example.com')).get(url())).statusCode, 403)
  })

  it('asks who, how, what and when', async () => {
    const res = await coordinator.submit(url(), { version: '1', note: '' })
    assertFormErrors(res, ['party', 'channel', 'note', 'occurredOn-day'])
    assertFormErrors(
      await coordinator.submit(url(), {
        version: '1',
        party: '00000000-0000-4000-8000-000000000000',
        channel: 'phone',
        note: 'x',
        ...today,
      }),
      ['party'],
    )
  })

  it("records the update, which restarts the person's clock; a stale version changes nothing", async () => {
    const res = await coordinator.submit(url(), {
      version: '1',
      party: sarahId,
      channel: 'phone',
      note: 'Still waiting to hear from the council',
      ...today,
    })
    assertRedirect(res, `/cases/${theCase.id}/progress`)
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, theCase.id), eq(caseEvents.type, 'update-sent')))
    assert.deepEqual(event!.data, {
      partyId: sarahId,
      partyName: 'Sarah Hartley',
      channel: 'phone',
      note: 'Still waiting to hear from the council',
    })
    const stale = await coordinator.submit(url(), {
      version: '1',
      party: sarahId,
      channel: 'email',
      note: 'Again',
      ...today,
    })
    assert.equal(stale.statusCode, 409)
    assert.match(html(stale).querySelector('.govuk-error-summary')!.text, /Someone else changed this case/)
    assert.equal(
      (
        await t.database.db
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, theCase.id), eq(caseEvents.type, 'update-sent')))
      ).length,
      1,
    )
  })
})
