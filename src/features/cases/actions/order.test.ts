// The record cannot say what did not happen, on the pages as through the API: one rule
// (domain/event-order.ts) refuses a certificate dated before what calls for it, an answer before
// the invitation it answers, and a meeting recorded as held before its date, each with a clear
// message, keeping what was typed and changing nothing.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, cases } from '../../../db/schema/index.ts'
import { contactEveryParty } from '../../preparation/testing.ts'
import { makeCase } from '../testing.ts'
import { createWorkflowService } from '../workflow-service.ts'

const dated = (iso: string) => {
  const [y, m, d] = iso.split('-')
  return { 'occurredOn-day': String(Number(d)), 'occurredOn-month': String(Number(m)), 'occurredOn-year': y! }
}

describe('steps dated in an impossible order, through the case pages', () => {
  let t: TestApp
  let coordinator: Agent
  let mediator: { id: string; name: string }
  const actor = { actor: { label: 'Cora Ordinator' } }
  const url = (id: string, action: string) => `/cases/${id}/actions/${action}`
  const workflow = () => createWorkflowService({ db: t.database.db, clock: t.clock })
  const typesOf = async (id: string) =>
    (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id))).map((e) => e.type)
  /** Refused as a 409 with the reason in the error summary; the date typed is kept. */
  const assertRefused = (res: Awaited<ReturnType<Agent['submit']>>, reason: string, day: string) => {
    assert.equal(res.statusCode, 409, res.body.slice(0, 300))
    assert.match(titleOf(res), /^Error: /)
    assert.equal(html(res).querySelector('.govuk-error-summary')?.querySelector('a')?.text.trim(), reason)
    assert.equal(html(res).getElementById('occurredOn-day')?.getAttribute('value'), day)
  }

  before(async () => {
    t = await createTestApp({ now: '2026-12-11T10:00:00Z' })
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    mediator = await createStaff(t.database, 'mo@example.com', ['mediator'], 'Mo Mediator')
  })
  after(() => t.close())

  const scoped = async (scope: 'sen-mediation' | 'disagreement-resolution') => {
    t.clock.set('2026-11-27T10:00:00Z') // the case began a fortnight ago
    const made = await makeCase(t.database, t.clock)
    const r = await workflow().apply(made.id, { type: 'decide-scope', scope, reason: 'x' }, actor)
    t.clock.set('2026-12-11T10:00:00Z')
    assert.ok(r.ok, r.ok ? '' : r.reason)
    return made
  }

  it('refuses a certificate dated before what calls for it', async () => {
    const { id } = await scoped('sen-mediation')
    assert.ok((await workflow().apply(id, { type: 'decline-mediation' }, { ...actor, occurredOn: '2026-12-08' })).ok)
    const res = await coordinator.submit(url(id, 'issue-certificate'), {
      version: String(await currentVersion(t, id)),
      kind: 'declined',
      ...dated('2026-12-07'),
    })
    assertRefused(
      res,
      'The certificate follows declining mediation on Tuesday 8 December 2026: it cannot be issued on Monday 7 December 2026, before it.',
      '7',
    )
    assert.ok(!(await typesOf(id)).includes('certificate-issued'))
  })

  it('refuses an answer dated before the invitation it answers', async () => {
    const { id } = await scoped('disagreement-resolution')
    const asked = await workflow().apply(
      id,
      [{ type: 'start-willingness' }, { type: 'invite-party', party: 'school', on: '2026-12-02', how: 'email' }],
      { ...actor, occurredOn: '2026-12-02' },
    )
    assert.ok(asked.ok, asked.ok ? '' : asked.reason)
    const res = await coordinator.submit(url(id, 'record-willingness'), {
      version: String(await currentVersion(t, id)),
      party: 'school',
      answer: 'willing',
      reason: '',
      ...dated('2026-12-01'),
    })
    assertRefused(
      res,
      'The answer (Tuesday 1 December 2026) cannot come before the invitation it answers (Wednesday 2 December 2026).',
      '1',
    )
    assert.ok(!(await typesOf(id)).includes('willingness-recorded'))
  })

  it('refuses a meeting recorded as held before its date', async () => {
    const { id } = await scoped('sen-mediation')
    const w = workflow()
    assert.ok((await w.apply(id, { type: 'choose-mediation' }, actor)).ok)
    assert.ok(
      (await w.apply(id, { type: 'invite-party', party: 'local-authority', on: '2026-12-01', how: 'email' }, actor)).ok,
    )
    assert.ok((await w.apply(id, { type: 'allocate-mediator', mediator: 'Mo Mediator' }, actor)).ok)
    await contactEveryParty(t.database, t.clock, id, mediator, '2026-12-02')
    const arranged = await w.apply(
      id,
      { type: 'arrange-meeting', meetingDate: '2026-12-15', shorterNoticeAgreed: true },
      { ...actor, occurredOn: '2026-12-03' },
    )
    assert.ok(arranged.ok, arranged.ok ? '' : arranged.reason)
    const version = String(await currentVersion(t, id))
    const res = await coordinator.submit(url(id, 'hold-meeting'), { version, ...dated('2026-12-11') })
    assertRefused(
      res,
      'The meeting is on Tuesday 15 December 2026: it cannot be recorded as held on Friday 11 December 2026, before its date.',
      '11',
    )
    assert.ok(!(await typesOf(id)).includes('meeting-held'))
  })
})

async function currentVersion(t: TestApp, id: string) {
  const [row] = await t.database.db.select({ version: cases.version }).from(cases).where(eq(cases.id, id))
  return row!.version
}
