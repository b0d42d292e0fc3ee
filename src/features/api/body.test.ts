// Bad requests to the API get a clear answer, each as a problem (RFC 9457): a body that is not
// sent as JSON (415), JSON that does not parse (400, where), text that cannot be stored (400,
// naming the field), and every other 4xx in the same shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { makeCase } from '../cases/testing.ts'
import { api, issueToken } from './test-kit.ts'

function assertProblem(res: LightMyRequestResponse, status: number, detail?: RegExp) {
  assert.equal(res.statusCode, status, res.body)
  assert.match(String(res.headers['content-type']), /^application\/problem\+json/)
  const body = res.json()
  assert.equal(body.type, 'about:blank')
  assert.equal(typeof body.title, 'string')
  assert.equal(body.status, status)
  assert.equal(typeof body.detail, 'string')
  assert.equal(typeof body.instance, 'string')
  if (detail) assert.match(body.detail, detail)
  return body
}

describe('bad requests to /api/v1', () => {
  let t: TestApp
  let token: string
  const raw = (payload: string, headers: Record<string, string>, url = '/api/v1/deadlines') =>
    t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}`, ...headers } })

  before(async () => {
    t = await createTestApp()
    ;({ token } = await issueToken(t))
  })
  after(() => t.close())

  it('answers 415 to a body not sent as application/json, saying so', async () => {
    const body = JSON.stringify({ events: [] })
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
      const res = await raw(type === 'application/x-www-form-urlencoded' ? 'events=1' : body, { 'content-type': type })
      assertProblem(res, 415, new RegExp(`Content-Type: application/json \\(this request had Content-Type: ${type}\\)`))
    }
    assertProblem(await raw(body, {}), 415, /no Content-Type/)
    // JSON with a charset, or a +json type, is JSON.
    assert.equal((await raw(body, { 'content-type': 'application/json; charset=utf-8' })).statusCode, 200)
    assert.equal((await raw(body, { 'content-type': 'application/vnd.parley+json' })).statusCode, 200)
  })

  it('answers 400 to JSON that does not parse, with where it goes wrong', async () => {
    const res = await raw('{"events": [1,}', { 'content-type': 'application/json' })
    const problem = assertProblem(res, 400, /not valid JSON at line 1, column 15/)
    assert.equal(problem.position, 14)
    assert.deepEqual(problem.fields, { body: 'Send the body as JSON, with Content-Type: application/json' })
    const lines = await raw('{\n  "events": [],\n  "today": 2026-11-27\n}', { 'content-type': 'application/json' })
    assert.match(assertProblem(lines, 400).detail, /line 3, column 16/)
    assertProblem(await raw('', { 'content-type': 'application/json' }), 400, /empty/)
    assertProblem(await raw('{"__proto__": {"a": 1}}', { 'content-type': 'application/json' }), 400, /__proto__/)
  })

  it('answers 400 naming the field to text PostgreSQL cannot store, and stores nothing', async () => {
    const nul = await raw(
      JSON.stringify({ events: [{ type: 'cannot-arrange', date: '2026-11-27', data: { reason: 'a\u0000b' } }] }),
      {
        'content-type': 'application/json',
      },
    )
    assert.deepEqual(Object.keys(assertProblem(nul, 400).fields), ['events.0.data.reason'])
    // A lone surrogate can only arrive escaped in JSON.
    const half = await raw(
      '{"channel":"phone","whatHappened":"\\ud83d on its own"}',
      { 'content-type': 'application/json' },
      '/api/v1/enquiries',
    )
    assert.deepEqual(assertProblem(half, 400).fields, {
      whatHappened:
        'This has a character that cannot be saved (a NUL character, or half of an emoji or other character): remove it and try again',
    })
    // A whole emoji is fine: it is only the lone half that is refused.
    const whole = await raw('{"events":[],"today":"2026-11-27","x":"\\ud83d\\ude00"}', {
      'content-type': 'application/json',
    })
    assert.deepEqual(Object.keys(assertProblem(whole, 400).fields), ['x'])
  })

  it('gives every other 4xx the same shape: 401, 404 (no such case, no such address) and 409', async () => {
    assertProblem(await api(t).get('/api/v1/cases/MED-2026-999999'), 401, /Authorization: Bearer/)
    assertProblem(await api(t, token).get('/api/v1/cases/MED-2026-999999'), 404, /no case with this reference/)
    assertProblem(await api(t, token).get('/api/v1/nothing-here'), 404)
    const { reference } = await makeCase(t.database, t.clock)
    const refused = await api(t, token).post(`/api/v1/cases/${reference}/events`, {
      type: 'mediation-declined',
      date: '2026-11-27',
    })
    assertProblem(refused, 409, /^Decide the scope first\.$/)
  })
})
