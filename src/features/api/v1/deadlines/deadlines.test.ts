import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { createApiTokenService } from '../../tokens.ts'
import { api, issueToken } from '../../test-kit.ts'

const workedExample = [
  { type: 'decision-letter-sent', date: '2026-10-19' },
  { type: 'mediation-declined', date: '2026-12-18' },
  { type: 'certificate-issued', date: '2026-12-23' },
]

describe('POST /api/v1/deadlines', () => {
  let t: TestApp
  let token: string
  before(async () => {
    t = await createTestApp()
    ;({ token } = await issueToken(t))
  })
  after(() => t.close())

  it('works out the worked example in rules.md, storing nothing', async () => {
    const count = async () =>
      (
        await t.database.db.execute<{ n: string }>(
          sql`select (select count(*) from cases) + (select count(*) from case_events) as n`,
        )
      ).rows[0]!.n
    const before = await count()
    const res = await api(t, token).post('/api/v1/deadlines', { events: workedExample })
    assert.equal(res.statusCode, 200, res.body)
    const byName = Object.fromEntries(res.json().deadlines.map((d: { name: string }) => [d.name, d]))
    assert.equal(byName['adviser-contact'].dueDate, '2026-12-19')
    assert.equal(byName.certificate.dueDate, '2026-12-23')
    assert.equal(byName.certificate.status, 'met')
    assert.equal(byName.appeal.dueDate, '2027-01-25')
    assert.deepEqual(byName.appeal.startedBy, { type: 'certificate-issued', date: '2026-12-23' })
    assert.match(byName.appeal.rule, /Monday 25 January 2027/)
    assert.equal(await count(), before)
  })

  it('answers "if the parent declines today" with the dates still open, and uses the given today', async () => {
    const res = await api(t, token).post('/api/v1/deadlines', {
      events: workedExample.slice(0, 2),
      today: '2026-12-28',
    })
    const byName = Object.fromEntries(res.json().deadlines.map((d: { name: string }) => [d.name, d]))
    assert.equal(byName.certificate.status, 'overdue')
    assert.equal(byName.appeal.dueDate, '2026-12-21')
    const withdrawn = await api(t, token).post('/api/v1/deadlines', {
      events: [
        { type: 'mediation-requested', date: '2026-11-02' },
        { type: 'withdrawn', date: '2026-11-10', data: { by: 'parent' } },
      ],
    })
    const certificate = withdrawn.json().deadlines.find((d: { name: string }) => d.name === 'certificate')
    assert.deepEqual(certificate?.startedBy, { type: 'withdrawn', date: '2026-11-10' })
  })

  it('names each bad field', async () => {
    const res = await api(t, token).post('/api/v1/deadlines', {
      events: [
        { type: 'decision-letter-sent', date: '19/10/2026' },
        { type: 'meeting-scheduled', date: '2026-12-01' },
        { type: 'lunch', date: '2026-12-01' },
      ],
      today: 'tomorrow',
      whatIf: true,
    })
    assert.equal(res.statusCode, 400)
    assert.deepEqual(res.json().fields, {
      'events.0.date': 'Enter a real date as YYYY-MM-DD',
      'events.1.data': 'This field is required',
      'events.2.type': res.json().fields['events.2.type'],
      today: 'Enter a real date as YYYY-MM-DD',
      whatIf: 'This field is not part of the API: remove it',
    })
    assert.match(res.json().fields['events.2.type'], /^Use one of the event types: decision-letter-sent, /)
    assert.deepEqual((await api(t, token).post('/api/v1/deadlines', {})).json().fields, {
      events: 'This field is required',
    })
  })

  it('needs a live token', async () => {
    assert.equal((await api(t).post('/api/v1/deadlines', { events: workedExample })).statusCode, 401)
    const spare = await issueToken(t)
    await createApiTokenService(t.database.db, t.clock).revoke(spare.id)
    assert.equal((await api(t, spare.token).post('/api/v1/deadlines', { events: workedExample })).statusCode, 401)
  })
})
