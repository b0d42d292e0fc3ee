// Events in an impossible order get 409 with the reason; unusual but possible ones are recorded
// and come back with a warning, which the case page shows too (domain/event-order.ts).
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, it } from 'node:test'
import { Agent } from '../../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../../test/helpers/app.ts'
import { html } from '../../../../../../test/helpers/html.ts'
import { makeCase } from '../../../../cases/testing.ts'
import { contactEveryParty } from '../../../../preparation/testing.ts'
import { createWorkflowService } from '../../../../cases/index.ts'
import { api, issueToken } from '../../../test-kit.ts'

const staff = { actor: { label: 'Cora Coordinator' } }

describe('the order of events recorded through the API', () => {
  let t: TestApp
  let token: string
  const post = (reference: string, body: unknown) => api(t, token).post(`/api/v1/cases/${reference}/events`, body)
  const scoped = async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const made = await makeCase(t.database, t.clock) // received on Friday 27 November 2026
    t.clock.set('2026-12-11T10:00:00Z') // recorded a fortnight later
    const r = await createWorkflowService({ db: t.database.db, clock: t.clock }).apply(
      made.id,
      { type: 'decide-scope', scope: 'sen-mediation', reason: 'Appealable decision' },
      staff,
    )
    assert.ok(r.ok)
    return made
  }

  before(async () => {
    t = await createTestApp()
    ;({ token } = await issueToken(t))
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
  })
  after(() => t.close())
  afterEach(() => t.clock.set('2026-11-27T10:00:00Z'))

  it('refuses a meeting recorded as held before its date (409)', async () => {
    const { id, reference } = await scoped()
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    await workflow.apply(id, { type: 'choose-mediation' }, staff)
    await workflow.apply(id, { type: 'invite-party', party: 'local-authority', on: '2026-12-01', how: 'email' }, staff)
    await workflow.apply(
      id,
      [{ type: 'allocate-mediator', mediator: 'Mo Mediator' }, { type: 'start-preparation' }],
      staff,
    )
    const mediator = await createStaff(t.database, 'mediator@example.com', ['mediator'], 'Mo Mediator')
    await contactEveryParty(t.database, t.clock, id, mediator, '2026-12-02')
    const r = await workflow.apply(
      id,
      { type: 'arrange-meeting', meetingDate: '2026-12-10', shorterNoticeAgreed: true },
      { ...staff, occurredOn: '2026-12-03' },
    )
    assert.ok(r.ok, r.ok ? '' : r.reason)
    const early = await post(reference, { type: 'mediation-concluded', date: '2026-12-09', data: { outcome: 'none' } })
    assert.equal(early.statusCode, 409, early.body)
    assert.equal(
      early.json().detail,
      'The meeting is on Thursday 10 December 2026: it cannot be recorded as held on Wednesday 9 December 2026, before its date.',
    )
  })

  it('refuses a certificate dated before what calls for it, or before the decision letter (409)', async () => {
    const { reference } = await scoped()
    assert.equal((await post(reference, { type: 'decision-letter-sent', date: '2026-12-01' })).statusCode, 201)
    assert.equal((await post(reference, { type: 'mediation-declined', date: '2026-12-08' })).statusCode, 201)
    const early = await post(reference, { type: 'certificate-issued', date: '2026-12-07', data: { kind: 'declined' } })
    assert.equal(early.statusCode, 409, early.body)
    assert.equal(
      early.json().detail,
      'The certificate follows declining mediation on Tuesday 8 December 2026: it cannot be issued on Monday 7 December 2026, before it.',
    )
    const ok = await post(reference, { type: 'certificate-issued', date: '2026-12-09', data: { kind: 'declined' } })
    assert.equal(ok.statusCode, 201, ok.body)
    assert.deepEqual(ok.json().warnings, [])
  })

  it('refuses an answer dated before the invitation it answers (409)', async () => {
    const { reference } = await scoped()
    const requested = { healthInIssue: false, healthOnly: false }
    assert.equal(
      (await post(reference, { type: 'mediation-requested', date: '2026-12-01', data: requested })).statusCode,
      201,
    )
    const invited = await post(reference, {
      type: 'party-invited',
      date: '2026-12-02',
      data: { party: 'local-authority', how: 'email' },
    })
    assert.equal(invited.statusCode, 201, invited.body)
    const early = await post(reference, {
      type: 'willingness-recorded',
      date: '2026-12-01',
      data: { party: 'local-authority', answer: 'willing' },
    })
    assert.equal(early.statusCode, 409, early.body)
    assert.equal(
      early.json().detail,
      'The answer (Tuesday 1 December 2026) cannot come before the invitation it answers (Wednesday 2 December 2026).',
    )
  })

  it('accepts an unusual order with a warning, which the case page shows', async () => {
    const { id, reference } = await scoped()
    // The case began with contact with the mediation adviser (makeCase): a letter after it is a new decision, perhaps.
    const letter = await post(reference, { type: 'decision-letter-sent', date: '2026-12-04' })
    assert.deepEqual(letter.json().warnings, [
      'The decision letter (Friday 4 December 2026) is dated after contact with the mediation adviser (Friday 27 November 2026): check both dates, or whether this is a new decision.',
    ])
    const declined = await post(reference, { type: 'mediation-declined', date: '2026-12-02' })
    assert.equal(declined.statusCode, 201, declined.body)
    assert.deepEqual(declined.json().warnings, [
      'Declining mediation (Wednesday 2 December 2026) is dated before the decision letter (Friday 4 December 2026): check both dates.',
    ])
    const coordinator = await new Agent(t.app).signIn('coordinator@example.com') // signed in on the day it is read
    const res = await coordinator.get(`/cases/${id}`)
    assert.equal(res.statusCode, 200)
    const page = html(res)
    const warning = page.getElementById('date-warnings')?.text.replace(/\s+/g, ' ') ?? ''
    assert.match(warning, /Dates to check/)
    assert.match(warning, /Declining mediation \(Wednesday 2 December 2026\) is dated before the decision letter/)
  })
})
