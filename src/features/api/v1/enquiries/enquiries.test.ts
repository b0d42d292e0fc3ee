import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { caseEvents, cases, localAuthorities } from '../../../../db/schema/index.ts'
import { createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { createApiTokenService } from '../../tokens.ts'
import { addAuthority, api, issueToken } from '../../test-kit.ts'

const enquiry = (change: Record<string, unknown> = {}) => ({
  channel: 'email',
  contactedOn: '2026-11-26',
  requester: { role: 'parent', name: 'Sarah Hartley' },
  child: { name: 'Amelia Hartley', dateOfBirth: '2015-03-14', setting: 'Oakwood Primary School', postcode: 'wa1 1aa' },
  ehcStatus: 'has-plan',
  areas: ['ehc-decision'],
  decision: { kind: 'refuse-amend', letterDate: '2026-10-19' },
  otherParties: [{ kind: 'local-authority', name: 'Warrington Borough Council' }],
  whatHappened: 'The council said no to changes.',
  contact: { methods: ['email'], email: 'sarah@example.com' },
  ...change,
})

describe('POST /api/v1/enquiries', () => {
  let t: TestApp
  let token: string
  let tokenId: string
  before(async () => {
    t = await createTestApp()
    ;({ token, id: tokenId } = await issueToken(t, 'warrington', 'Warrington case system'))
    await addAuthority(t, 'cheshire-east', ['CW1'])
  })
  after(() => t.close())

  it('refuses a request without a token, with an unknown token, or with a revoked one', async () => {
    const none = await api(t).post('/api/v1/enquiries', enquiry())
    assert.equal(none.statusCode, 401)
    assert.match(none.json().error, /Authorization: Bearer/)
    assert.equal(none.headers['www-authenticate'], 'Bearer realm="parley"')
    assert.equal((await api(t, 'parley_' + 'x'.repeat(43)).post('/api/v1/enquiries', enquiry())).statusCode, 401)
    const revoked = await issueToken(t)
    await createApiTokenService(t.database.db, t.clock).revoke(revoked.id)
    const res = await api(t, revoked.token).post('/api/v1/enquiries', enquiry())
    assert.equal(res.statusCode, 401)
    assert.match(res.json().error, /revoked/)
  })

  it('makes a case for the token’s council, with a Location, and records who made it', async () => {
    const res = await api(t, token).post('/api/v1/enquiries', enquiry())
    assert.equal(res.statusCode, 201, res.body)
    const { id, reference } = res.json()
    assert.match(reference, /^MED-2026-\d+$/)
    assert.equal(res.headers.location, `/api/v1/cases/${reference}`)
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, id))
    const [warrington] = await t.database.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.code, 'warrington'))
    assert.equal(row?.localAuthorityId, warrington!.id)
    assert.equal(row?.childPostcode, 'WA1 1AA')
    assert.equal(row?.receivedOn, '2026-11-26')
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id))
    assert.deepEqual(
      events.map((e) => e.type),
      ['enquiry-received', 'decision-letter-sent', 'adviser-contacted'],
    )
    assert.ok(events.every((e) => e.actorLabel === 'API: Warrington case system'))
  })

  it('returns the same case for a retry with the same Idempotency-Key (200), and another for another key', async () => {
    const count = async () =>
      Number((await t.database.db.execute<{ n: string }>(sql`select count(*) as n from cases`)).rows[0]!.n)
    const first = await api(t, token).post('/api/v1/enquiries', enquiry(), { 'idempotency-key': 'order-42' })
    assert.equal(first.statusCode, 201)
    const before = await count()
    const retry = await api(t, token).post('/api/v1/enquiries', enquiry(), { 'idempotency-key': 'order-42' })
    assert.equal(retry.statusCode, 200)
    assert.deepEqual(retry.json(), first.json())
    assert.equal(retry.headers.location, first.headers.location)
    assert.equal(await count(), before)
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, first.json().id))
    assert.equal(row?.submissionKey, `api:${tokenId}:order-42`)

    const other = await api(t, token).post('/api/v1/enquiries', enquiry(), { 'idempotency-key': 'order-43' })
    assert.equal(other.statusCode, 201)
    assert.notEqual(other.json().reference, first.json().reference)
    const bad = await api(t, token).post('/api/v1/enquiries', enquiry(), { 'idempotency-key': 'has space' })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(Object.keys(bad.json().fields), ['Idempotency-Key'])
  })

  it('names each bad field', async () => {
    const res = await api(t, token).post(
      '/api/v1/enquiries',
      enquiry({
        channel: 'fax',
        contactedOn: '2026-12-01',
        requester: { role: 'school', name: '' },
        child: { name: 'Amelia', dateOfBirth: '2015-02-30', setting: 'Oakwood', postcode: 'WA1 1AA', shoeSize: 3 },
        ehcStatus: undefined,
        areas: [],
        contact: { methods: ['phone'] },
        nickname: 'x',
      }),
    )
    assert.equal(res.statusCode, 400)
    const body = res.json()
    assert.equal(body.error, 'Invalid request')
    assert.deepEqual(Object.keys(body.fields).sort(), [
      'areas',
      'channel',
      'child.dateOfBirth',
      'child.shoeSize',
      'contactedOn',
      'ehcStatus',
      'nickname',
      'requester.name',
    ])
    assert.match(body.fields.contactedOn, /future/)
    assert.match(body.fields.ehcStatus, /required/)

    // Rules across fields, once the shape is right.
    const cross = await api(t, token).post(
      '/api/v1/enquiries',
      enquiry({
        requester: { role: 'school', name: 'Ms Head', organisation: 'Oakwood' },
        decision: undefined,
        contact: { methods: ['phone', 'post'] },
      }),
    )
    assert.equal(cross.statusCode, 400)
    assert.deepEqual(Object.keys(cross.json().fields).sort(), [
      'contact.address',
      'contact.phone',
      'decision',
      'permission',
    ])
  })

  it('refuses a postcode that is not real or not in the token’s council area, and a body that is not JSON', async () => {
    const fake = await api(t, token).post(
      '/api/v1/enquiries',
      enquiry({ child: { name: 'A', dateOfBirth: '2015-03-14', setting: 'S', postcode: 'NOT A CODE' } }),
    )
    assert.equal(fake.statusCode, 400)
    assert.deepEqual(Object.keys(fake.json().fields), ['child.postcode'])
    const elsewhere = await api(t, token).post(
      '/api/v1/enquiries',
      enquiry({ child: { name: 'A', dateOfBirth: '2015-03-14', setting: 'S', postcode: 'CW1 2AB' } }),
    )
    assert.equal(elsewhere.statusCode, 400)
    assert.match(elsewhere.json().fields['child.postcode'], /not in the area of Warrington Borough Council/)
    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/enquiries',
      payload: '{"channel":',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    })
    assert.equal(notJson.statusCode, 400)
    assert.deepEqual(notJson.json().fields, { body: 'Send the body as JSON, with Content-Type: application/json' })
  })

  it('limits the requests each token makes', async () => {
    const own = await issueToken(t, 'warrington', 'Busy system')
    let last = 0
    for (let i = 0; i < 121; i++) last = (await api(t, own.token).post('/api/v1/enquiries', {})).statusCode
    assert.equal(last, 429)
    // Another token has its own allowance.
    assert.equal((await api(t, token).post('/api/v1/enquiries', {})).statusCode, 400)
  })
})
