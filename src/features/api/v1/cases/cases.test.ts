import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { accessLog, apiTokens } from '../../../../db/schema/index.ts'
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { makeCase } from '../../../cases/testing.ts'
import { createWorkflowService } from '../../../cases/index.ts'
import { createApiTokenService } from '../../tokens.ts'
import { addAuthority, api, issueToken } from '../../test-kit.ts'

describe('GET /api/v1/cases/:reference', () => {
  let t: TestApp
  let warrington: { id: string; token: string }
  let elsewhere: { id: string; token: string }
  let reference: string
  before(async () => {
    t = await createTestApp()
    warrington = await issueToken(t, 'warrington', 'Warrington case system')
    await addAuthority(t, 'cheshire-east', ['CW1'])
    elsewhere = await issueToken(t, 'cheshire-east', 'Cheshire East system')
    const made = await makeCase(t.database, t.clock)
    reference = made.reference
    await createWorkflowService({ db: t.database.db, clock: t.clock }).recordUpdate(
      made.id,
      {
        partyId: (await t.database.db.query.caseParties.findFirst({ where: (p, { eq: is }) => is(p.caseId, made.id) }))!
          .id,
        channel: 'phone',
        note: 'INTERNAL NOTE: she sounded upset',
      },
      { actor: { label: 'Cora Coordinator' } },
    )
  })
  after(() => t.close())

  it('shows the case, its events and its statutory deadlines to its council’s token, and notes the use', async () => {
    const res = await api(t, warrington.token).get(`/api/v1/cases/${reference}`)
    assert.equal(res.statusCode, 200, res.body)
    const body = res.json()
    assert.equal(body.reference, reference)
    assert.equal(body.status, 'enquiry')
    assert.equal(body.scope, 'undecided')
    assert.deepEqual(body.child, { name: 'Amelia Hartley', dateOfBirth: '2015-03-14' })
    assert.equal(body.receivedOn, '2026-11-27')
    assert.deepEqual(body.parties.map((p: { role: string }) => p.role).sort(), ['local-authority', 'parent'])
    assert.ok(body.parties.every((p: Record<string, unknown>) => !('email' in p) && !('phone' in p)))
    const letter = body.events.find((e: { type: string }) => e.type === 'decision-letter-sent')
    assert.deepEqual(letter, {
      type: 'decision-letter-sent',
      date: '2026-10-19',
      recordedAt: '2026-11-27T10:00:00.000Z',
      actor: 'The person asking for help',
      data: { kind: 'refuse-amend' },
    })
    const update = body.events.find((e: { type: string }) => e.type === 'update-sent')
    assert.deepEqual(update.data, { partyName: 'Sarah Hartley', channel: 'phone' })
    assert.ok(!res.body.includes('INTERNAL NOTE'))
    // The statutory clocks only: the service's own update reminders are internal.
    assert.deepEqual(
      body.deadlines.map((d: { name: string }) => d.name),
      ['adviser-contact', 'appeal'],
    )
    assert.deepEqual(body.deadlines[1], {
      name: 'appeal',
      label: 'Last day to appeal to the SEND Tribunal',
      dueDate: '2026-12-21',
      status: 'open',
      rule: body.deadlines[1].rule,
      source: body.deadlines[1].source,
      startedBy: { type: 'decision-letter-sent', date: '2026-10-19' },
      beyondCalendar: false,
    })
    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, warrington.id))
    assert.deepEqual(row?.lastUsedAt, t.clock.now())
    // The read is in the access log, against the token.
    const reads = await t.database.db.select().from(accessLog).where(eq(accessLog.apiTokenId, warrington.id))
    assert.deepEqual(
      reads.map((r) => [r.action, r.path, r.userId]),
      [['view', `/api/v1/cases/${reference}`, null]],
    )
  })

  it('is 404 for another council’s case and for no such case', async () => {
    const other = await api(t, elsewhere.token).get(`/api/v1/cases/${reference}`)
    assert.equal(other.statusCode, 404)
    assert.ok(other.json().error)
    assert.ok(!other.body.includes('Amelia'))
    assert.equal((await api(t, warrington.token).get('/api/v1/cases/MED-2026-999999')).statusCode, 404)
  })

  it('is 401 without a token, with a malformed header, and once the token is revoked', async () => {
    assert.equal((await api(t).get(`/api/v1/cases/${reference}`)).statusCode, 401)
    const basic = await t.app.inject({
      method: 'GET',
      url: `/api/v1/cases/${reference}`,
      headers: { authorization: `Basic ${warrington.token}` },
    })
    assert.equal(basic.statusCode, 401)
    const spare = await issueToken(t)
    assert.equal((await api(t, spare.token).get(`/api/v1/cases/${reference}`)).statusCode, 200)
    await createApiTokenService(t.database.db, t.clock).revoke(spare.id)
    const res = await api(t, spare.token).get(`/api/v1/cases/${reference}`)
    assert.equal(res.statusCode, 401)
    assert.ok(!res.body.includes('Amelia'))
  })
})
