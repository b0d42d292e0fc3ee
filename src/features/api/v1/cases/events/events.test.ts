import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { caseEvents, cases } from '../../../../../db/schema/index.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../../test/helpers/app.ts'
import { makeCase } from '../../../../cases/testing.ts'
import { createWorkflowService } from '../../../../cases/index.ts'
import { contactEveryParty } from '../../../../preparation/testing.ts'
import { createApiTokenService } from '../../../tokens.ts'
import { addAuthority, api, issueToken } from '../../../test-kit.ts'

const staff = { actor: { label: 'Cora Coordinator' } }

describe('POST /api/v1/cases/:reference/events', () => {
  let t: TestApp
  let token: string
  const workflow = () => createWorkflowService({ db: t.database.db, clock: t.clock })
  const post = (reference: string, body: unknown, as = token) =>
    api(t, as).post(`/api/v1/cases/${reference}/events`, body)
  const eventsOf = async (reference: string, type: string) => {
    const [row] = await t.database.db.select().from(cases).where(eq(cases.reference, reference))
    return t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, row!.id), eq(caseEvents.type, type)))
  }

  before(async () => {
    t = await createTestApp() // today: Friday 27 November 2026
    ;({ token } = await issueToken(t, 'warrington', 'Warrington case system'))
  })
  after(() => t.close())

  it('refuses an event the workflow does not allow now (409), saying why, and records nothing', async () => {
    const { reference } = await makeCase(t.database, t.clock)
    const res = await post(reference, { type: 'mediation-declined', date: '2026-11-27' })
    assert.equal(res.statusCode, 409)
    assert.equal(res.json().error, 'Decide the scope first.')
    assert.equal((await eventsOf(reference, 'mediation-declined')).length, 0)
  })

  it('records an event on the earlier day it happened, and returns the new status and deadlines', async () => {
    const { id, reference } = await makeCase(t.database, t.clock)
    await workflow().apply(id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'Appealable decision' }, staff)
    // The parent declined on the phone last Friday; it is logged a week later.
    const res = await post(reference, { type: 'mediation-declined', date: '2026-11-20' })
    assert.equal(res.statusCode, 201, res.body)
    const body = res.json()
    assert.equal(body.status, 'declined')
    const certificate = body.deadlines.find((d: { name: string }) => d.name === 'certificate')
    assert.equal(certificate.dueDate, '2026-11-25') // 3 working days after Friday 20 November
    assert.equal(certificate.status, 'overdue')
    assert.deepEqual(certificate.startedBy, { type: 'mediation-declined', date: '2026-11-20' })
    const [event] = await eventsOf(reference, 'mediation-declined')
    assert.equal(event?.occurredOn, '2026-11-20')
    assert.equal(event?.actorLabel, 'API: Warrington case system')

    const issued = await post(reference, { type: 'certificate-issued', date: '2026-11-24', data: { kind: 'declined' } })
    assert.equal(issued.statusCode, 201, issued.body)
    assert.equal(issued.json().status, 'certificate-issued')
    assert.equal(issued.json().deadlines.find((d: { name: string }) => d.name === 'certificate').status, 'met')
  })

  it('records facts, and a mediation that concluded after an arranged meeting (held first)', async () => {
    const { id, reference } = await makeCase(t.database, t.clock)
    await workflow().apply(id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'Appealable decision' }, staff)
    const requested = await post(reference, {
      type: 'mediation-requested',
      date: '2026-11-23',
      data: { healthInIssue: true, healthOnly: false },
    })
    assert.equal(requested.statusCode, 201, requested.body)
    assert.deepEqual(
      requested
        .json()
        .deadlines.map((d: { name: string }) => d.name)
        .sort(),
      ['adviser-contact', 'appeal', 'health-body-notice', 'mediation-held'],
    )
    const told = await post(reference, { type: 'health-body-notified', date: '2026-11-24' })
    assert.equal(told.json().deadlines.find((d: { name: string }) => d.name === 'health-body-notice').status, 'met')

    await workflow().apply(
      id,
      { type: 'invite-party', party: 'local-authority', on: '2026-11-24', how: 'email' },
      staff,
    )
    await workflow().apply(id, { type: 'allocate-mediator', mediator: 'Mo Mediator' }, staff)
    await workflow().apply(id, { type: 'start-preparation' }, staff)
    const mediator = await createStaff(t.database, 'mediator@example.com', ['mediator'], 'Mo Mediator')
    await contactEveryParty(t.database, t.clock, id, mediator, '2026-11-25') // a meeting needs every party contacted
    const scheduled = await post(reference, {
      type: 'meeting-scheduled',
      date: '2026-11-25',
      data: { meetingDate: '2026-12-10' },
    })
    assert.equal(scheduled.statusCode, 201, scheduled.body)
    assert.equal(scheduled.json().status, 'meeting-arranged')
    assert.equal(
      scheduled.json().deadlines.find((d: { name: string }) => d.name === 'meeting-notice').dueDate,
      '2026-12-03',
    )

    t.clock.set('2026-12-11T10:00:00Z')
    const concluded = await post(reference, {
      type: 'mediation-concluded',
      date: '2026-12-10',
      data: { outcome: 'agreement' },
    })
    assert.equal(concluded.statusCode, 201, concluded.body)
    assert.equal(concluded.json().status, 'agreement')
    const [held] = await eventsOf(reference, 'meeting-held')
    assert.equal(held?.occurredOn, '2026-12-10')
    const again = await post(reference, { type: 'mediation-concluded', date: '2026-12-10', data: { outcome: 'none' } })
    assert.equal(again.statusCode, 409)
    assert.equal(again.json().error, 'The outcome has already been recorded.')
    t.clock.set('2026-11-27T10:00:00Z')
  })

  it('names each bad field, and refuses a date in the future', async () => {
    const { reference } = await makeCase(t.database, t.clock)
    const unknown = await post(reference, { type: 'phoned-the-council', date: '2026-11-27' })
    assert.equal(unknown.statusCode, 400)
    assert.deepEqual(Object.keys(unknown.json().fields), ['type'])
    const res = await post(reference, {
      type: 'meeting-scheduled',
      date: '2026-11-31',
      data: { meetingDate: 'next week', colour: 'blue' },
      extra: true,
    })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(Object.keys(res.json().fields).sort(), ['data.colour', 'data.meetingDate', 'date', 'extra'])
    const future = await post(reference, { type: 'adviser-contacted', date: '2026-11-28' })
    assert.equal(future.statusCode, 400)
    assert.deepEqual(future.json(), {
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid request: each bad field is named in fields, with what is wrong with it.',
      error: 'Invalid request',
      instance: `/api/v1/cases/${reference}/events`,
      fields: { date: 'The date cannot be in the future' },
    })
    assert.match(String(future.headers['content-type']), /^application\/problem\+json/)
    const missing = await post(reference, { type: 'withdrawn', date: '2026-11-27', data: { by: 'parent' } })
    assert.deepEqual(Object.keys(missing.json().fields), ['data.reason'])
    const noData = await post(reference, { type: 'mediation-requested', date: '2026-11-27' })
    assert.deepEqual(noData.json().fields, { data: 'This field is required' })
  })

  it('is 404 for another council’s case and 401 without a live token', async () => {
    const { reference } = await makeCase(t.database, t.clock)
    await addAuthority(t, 'cheshire-east', ['CW1'])
    const other = await issueToken(t, 'cheshire-east')
    assert.equal(
      (await post(reference, { type: 'adviser-contacted', date: '2026-11-27' }, other.token)).statusCode,
      404,
    )
    assert.equal(
      (await api(t).post(`/api/v1/cases/${reference}/events`, { type: 'adviser-contacted', date: '2026-11-27' }))
        .statusCode,
      401,
    )
    const spare = await issueToken(t)
    await createApiTokenService(t.database.db, t.clock).revoke(spare.id)
    assert.equal(
      (await post(reference, { type: 'adviser-contacted', date: '2026-11-27' }, spare.token)).statusCode,
      401,
    )
    assert.equal((await eventsOf(reference, 'adviser-contacted')).length, 1) // only the one made with the case
  })
})
