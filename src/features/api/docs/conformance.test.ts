// Each route answers as the OpenAPI document says: for every call made here, the status is one
// the document lists for that operation, the answer's content type is the one it lists, and the
// body is valid against the schema it gives (JSON Schema 2020-12, checked with Ajv). Every
// operation is called, with its success and its errors.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Ajv2020 } from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'
import type { LightMyRequestResponse } from 'fastify'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { issueToken } from '../test-kit.ts'

interface Operation {
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>
}

const enquiry = {
  channel: 'email',
  contactedOn: '2026-11-02',
  requester: { role: 'parent', name: 'Sarah Hartley' },
  child: { name: 'Amelia Hartley', dateOfBirth: '2015-03-14', setting: 'Oakwood Primary School', postcode: 'WA1 1AA' },
  ehcStatus: 'refused',
  areas: ['ehc-decision'],
  decision: { kind: 'refuse-assessment', letterDate: '2026-10-19' },
  otherParties: [{ kind: 'local-authority', name: 'Warrington Borough Council' }],
  whatHappened: 'The council will not assess Amelia.',
  contact: { methods: ['email'], email: 'sarah@example.com' },
}

describe('every API route answers as the OpenAPI document says', () => {
  let t: TestApp
  let token: string
  let doc: { paths: Record<string, Record<string, Operation>> }
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats.default(ajv)
  const seen = new Set<string>()

  /** Makes the call and checks its answer against the operation's documented response. */
  async function call(
    method: 'GET' | 'POST',
    template: string,
    url: string,
    options: { body?: unknown; raw?: string; type?: string; auth?: boolean; headers?: Record<string, string> } = {},
  ): Promise<LightMyRequestResponse> {
    const payload = options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body))
    const res = await t.app.inject({
      method,
      url,
      ...(payload === undefined ? {} : { payload }),
      headers: {
        ...(options.auth === false ? {} : { authorization: `Bearer ${token}` }),
        ...(payload === undefined ? {} : { 'content-type': options.type ?? 'application/json' }),
        ...options.headers,
      },
    })
    const operation = doc.paths[template]?.[method.toLowerCase()]
    assert.ok(operation, `${method} ${template} is documented`)
    const status = String(res.statusCode)
    const documented = operation.responses[status]
    assert.ok(documented, `${method} ${url} answered ${status}, which the document does not list: ${res.body}`)
    seen.add(`${method} ${template} ${status}`)
    const type = String(res.headers['content-type'] ?? '').split(';')[0]!
    const content = documented.content ?? {}
    assert.ok(content[type], `${method} ${url} ${status}: ${type} is not the documented ${Object.keys(content)}`)
    const schemaRef = content[type]!.schema.$ref
    if (schemaRef) {
      const validate = ajv.getSchema(`openapi${schemaRef}`)
      assert.ok(validate, schemaRef)
      const valid = validate(res.json())
      assert.ok(
        valid,
        `${method} ${url} ${status} against ${schemaRef}: ${ajv.errorsText(validate.errors)}\n${res.body}`,
      )
    }
    return res
  }

  before(async () => {
    t = await createTestApp({ now: '2026-11-10T10:00:00Z' })
    ;({ token } = await issueToken(t))
    doc = (await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json()
    ajv.addSchema({ $id: 'openapi', components: (doc as unknown as { components: unknown }).components })
  })
  after(() => t.close())

  it('answers the calls of a whole case, and their errors, as documented', async () => {
    const made = await call('POST', '/api/v1/enquiries', '/api/v1/enquiries', {
      body: enquiry,
      headers: { 'idempotency-key': 'conformance-1' },
    })
    assert.equal(made.statusCode, 201)
    const retry = await call('POST', '/api/v1/enquiries', '/api/v1/enquiries', {
      body: enquiry,
      headers: { 'idempotency-key': 'conformance-1' },
    })
    assert.equal(retry.statusCode, 200)
    const { reference } = made.json()
    const caseUrl = `/api/v1/cases/${reference}`
    const events = '/api/v1/cases/{reference}/events'
    const event = async (body: unknown, expected = 201) => {
      const res = await call('POST', events, `${caseUrl}/events`, { body })
      assert.equal(res.statusCode, expected, res.body)
      return res
    }
    await event({ type: 'scope-decided', date: '2026-11-02', data: { scope: 'sen-mediation', reason: 'Appealable' } })
    await event({ type: 'mediation-requested', date: '2026-11-03', data: { healthInIssue: false, healthOnly: false } })
    await event({ type: 'party-invited', date: '2026-11-04', data: { party: 'local-authority', how: 'email' } })
    await event({ type: 'mediator-allocated', date: '2026-11-05', data: { mediator: 'Alice Able' } })
    await event({ type: 'meeting-scheduled', date: '2026-11-06', data: { meetingDate: '2026-11-09' } })
    await event({ type: 'decision-letter-sent', date: '2026-11-10' }) // after the choice: a warning
    await event({ type: 'certificate-issued', date: '2026-11-10', data: { kind: 'declined' } }, 409)
    await event({ type: 'no-such-thing', date: '2026-11-10' }, 400)

    const agreement = '/api/v1/cases/{reference}/agreement'
    const items = [{ what: 'Assess Amelia', who: { kind: 'council' }, appealable: true, kind: 'assess' }]
    const early = await call('POST', agreement, `${caseUrl}/agreement`, {
      body: { date: '2026-11-08', outcome: 'agreement', councilWasParty: true, items },
    })
    assert.equal(early.statusCode, 409)
    const bad = await call('POST', agreement, `${caseUrl}/agreement`, { body: { date: '2026-11-09' } })
    assert.equal(bad.statusCode, 400)
    const recorded = await call('POST', agreement, `${caseUrl}/agreement`, {
      body: { date: '2026-11-09', outcome: 'agreement', councilWasParty: false, items },
    })
    assert.equal(recorded.statusCode, 201, recorded.body)

    assert.equal((await call('GET', '/api/v1/cases/{reference}', caseUrl)).statusCode, 200)
    const other = '/api/v1/cases/MED-2026-999999'
    assert.equal((await call('GET', '/api/v1/cases/{reference}', other)).statusCode, 404)
    assert.equal((await call('POST', events, `${other}/events`, { body: { type: 'withdrawn' } })).statusCode, 404)
    assert.equal((await call('POST', agreement, `${other}/agreement`, { body: {} })).statusCode, 404)
  })

  it('answers the what-if, the report and the document as documented', async () => {
    const deadlines = '/api/v1/deadlines'
    const ok = await call('POST', deadlines, deadlines, {
      body: {
        events: [{ type: 'decision-letter-sent', date: '2026-10-19' }],
        agreement: {
          date: '2026-11-20',
          councilWasParty: false,
          items: [{ what: 'x', who: { kind: 'school' }, appealable: false }],
        },
      },
    })
    assert.equal(ok.statusCode, 200)
    assert.equal((await call('POST', deadlines, deadlines, { body: { events: [{ type: 'x' }] } })).statusCode, 400)
    const summary = '/api/v1/reports/summary'
    assert.equal((await call('GET', summary, `${summary}?from=2026-10-01&to=2026-10-31`)).statusCode, 200)
    assert.equal((await call('GET', summary, `${summary}?from=2026-10-01`)).statusCode, 400)
    assert.equal(
      (await call('GET', '/api/docs/openapi.json', '/api/docs/openapi.json', { auth: false })).statusCode,
      200,
    )
  })

  it('answers the errors every call can get as documented: 401, 415, 413, 400 for bad JSON, 429', async () => {
    const deadlines = '/api/v1/deadlines'
    assert.equal((await call('GET', '/api/v1/cases/{reference}', '/api/v1/cases/X', { auth: false })).statusCode, 401)
    assert.equal(
      (await call('POST', deadlines, deadlines, { raw: '{"events": []}', type: 'text/plain' })).statusCode,
      415,
    )
    assert.equal((await call('POST', deadlines, deadlines, { raw: '{"events": [}' })).statusCode, 400)
    const big = JSON.stringify({ events: [], padding: 'x'.repeat(t.config.BODY_LIMIT_BYTES) })
    assert.equal((await call('POST', '/api/v1/enquiries', '/api/v1/enquiries', { raw: big })).statusCode, 413)
    const busy = await issueToken(t, 'warrington', 'Busy system')
    let last: LightMyRequestResponse | undefined
    for (let i = 0; i < 121; i++)
      last = await t.app.inject({
        method: 'GET',
        url: '/api/v1/cases/X',
        headers: { authorization: `Bearer ${busy.token}` },
      })
    token = busy.token
    assert.equal((await call('GET', '/api/v1/cases/{reference}', '/api/v1/cases/X')).statusCode, 429, last?.body)
  })

  it('has called every documented operation, with its success', () => {
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        const success = Object.keys(operation.responses).filter((s) => s.startsWith('2'))
        for (const status of success)
          assert.ok(seen.has(`${method.toUpperCase()} ${path} ${status}`), `${method} ${path} ${status}`)
      }
    }
  })
})
