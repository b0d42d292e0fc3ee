import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { apiTokens } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { hashToken, TOKEN_PATTERN } from '../../api/index.ts'
import { api, issueToken } from '../../api/test-kit.ts'

describe('/admin/api-tokens', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')
  })
  after(() => t.close())

  const admin = () => new Agent(t.app).signIn('admin@example.com')
  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''

  it('lists the tokens to an administrator, and to nobody else', async () => {
    await issueToken(t, 'warrington', '<script>alert(1)</script>')
    const res = await (await admin()).get('/admin/api-tokens')
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res).startsWith('API tokens'), true)
    const row = html(res)
      .querySelectorAll('tbody tr')
      .find((r) => r.text.includes('<script>'))
    assert.ok(row, 'the name is shown, escaped')
    assert.ok(!res.body.includes('<script>alert(1)'))
    assert.match(row.text, /Warrington Borough Council/)
    assert.match(row.text, /Never/)
    assert.match(row.text, /Active/)

    const coord = await new Agent(t.app).signIn('coord@example.com')
    for (const url of ['/admin/api-tokens', '/admin/api-tokens/new']) {
      assert.equal((await coord.get(url)).statusCode, 403, url)
      assertRedirect(await new Agent(t.app).get(url), /^\/sign-in\?next=/)
    }
    const made = await issueToken(t)
    assert.equal((await coord.get(`/admin/api-tokens/${made.id}/revoke`)).statusCode, 403)
    assert.equal((await coord.post(`/admin/api-tokens/${made.id}/revoke`)).statusCode, 403)
    assert.equal((await coord.get(`/admin/api-tokens/${made.id}/token`)).statusCode, 403)
  })

  it('says what is missing when issuing a token', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/api-tokens/new')
    assert.equal(form.statusCode, 200)
    const res = await agent.post('/admin/api-tokens/new', { submissionKey: keyOf(form.body), name: ' ', authority: '' })
    assertFormErrors(res, ['name', 'authority'])
    const unknown = await agent.post('/admin/api-tokens/new', {
      submissionKey: keyOf(form.body),
      name: 'System',
      authority: 'atlantis',
    })
    assertFormErrors(unknown, ['authority'])
    assert.equal(html(unknown).getElementById('name')?.getAttribute('value'), 'System')
  })

  it('refuses a form without its one-time key, issuing nothing', async () => {
    const agent = await admin()
    await agent.get('/admin/api-tokens/new')
    const res = await agent.post('/admin/api-tokens/new', { name: 'Keyless system', authority: 'warrington' })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(html(res).querySelector('.govuk-error-summary')?.text ?? '', /This form is out of date/)
    assert.equal((await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'Keyless system'))).length, 0)
  })

  it('a double submit before the first response is seen still issues one token', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/api-tokens/new')
    const fields = { submissionKey: keyOf(form.body), name: 'Doubled system', authority: 'warrington' }
    const [a, b] = await Promise.all([
      agent.post('/admin/api-tokens/new', fields),
      agent.post('/admin/api-tokens/new', fields),
    ])
    assertRedirect(a, /^\/admin\/api-tokens\/[0-9a-f-]{36}\/token$/)
    assertRedirect(b, String(a.headers.location))
    assert.equal((await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'Doubled system'))).length, 1)
  })

  it('issues a token shown once, kept only as a hash, that works with the API; a repeat of the form makes no second token', async () => {
    const agent = await admin()
    const form = await agent.get('/admin/api-tokens/new')
    const fields = { submissionKey: keyOf(form.body), name: 'Warrington case system', authority: 'warrington' }
    const res = await agent.post('/admin/api-tokens/new', fields)
    assertRedirect(res, /^\/admin\/api-tokens\/[0-9a-f-]{36}\/token$/)
    const shown = await agent.get(String(res.headers.location))
    assert.equal(shown.statusCode, 200)
    assert.equal(shown.headers['cache-control'], 'no-store')
    const token = html(shown).getElementById('api-token')?.text.trim() ?? ''
    assert.match(token, TOKEN_PATTERN)

    const [row] = await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'Warrington case system'))
    assert.equal(row?.tokenHash, hashToken(token))
    assert.equal(row?.createdBy, 'admin@example.com')
    const stored = await t.database.db.execute<{ data: string }>(
      sql`select data::text as data from sessions union all select row_to_json(t)::text from api_tokens t`,
    )
    for (const s of stored.rows) assert.ok(!s.data.includes(token), 'the token is never stored in plain text')

    const again = await agent.get(String(res.headers.location))
    assert.equal(html(again).getElementById('api-token'), null)
    assert.match(again.body, /already been shown/)
    assertRedirect(await agent.post('/admin/api-tokens/new', fields), String(res.headers.location))
    assert.equal(
      (await t.database.db.select().from(apiTokens).where(eq(apiTokens.name, 'Warrington case system'))).length,
      1,
    )

    assert.equal((await api(t, token).post('/api/v1/deadlines', { events: [] })).statusCode, 200)
    const listed = await agent.get('/admin/api-tokens')
    const listedRow = html(listed)
      .querySelectorAll('tbody tr')
      .find((r) => r.text.includes('Warrington case system'))
    assert.doesNotMatch(listedRow?.text ?? '', /Never/)
  })

  it('revokes a token after asking, and the token stops working', async () => {
    const made = await issueToken(t, 'warrington', 'Old system')
    assert.equal((await api(t, made.token).post('/api/v1/deadlines', { events: [] })).statusCode, 200)
    const agent = await admin()
    const confirm = await agent.get(`/admin/api-tokens/${made.id}/revoke`)
    assert.equal(confirm.statusCode, 200)
    assert.match(titleOf(confirm), /^Revoke the token Old system/)
    assert.match(html(confirm).querySelector('h1')?.text ?? '', /Are you sure/)
    assert.equal(
      (await api(t, made.token).post('/api/v1/deadlines', { events: [] })).statusCode,
      200,
      'asking changes nothing',
    )

    assertRedirect(await agent.post(`/admin/api-tokens/${made.id}/revoke`), '/admin/api-tokens')
    const list = await agent.get('/admin/api-tokens')
    assert.match(list.body, /The token Old system has been revoked/)
    const row = html(list)
      .querySelectorAll('tbody tr')
      .find((r) => r.text.includes('Old system'))
    assert.match(row?.text ?? '', /Revoked/)
    assert.equal(row?.querySelector('a[href$="/revoke"]'), null)
    assert.equal((await api(t, made.token).post('/api/v1/deadlines', { events: [] })).statusCode, 401)

    assert.match((await agent.get(`/admin/api-tokens/${made.id}/revoke`)).body, /already revoked/)
    assert.equal((await agent.get('/admin/api-tokens/00000000-0000-4000-8000-000000000000/revoke')).statusCode, 404)
    assert.equal((await agent.get('/admin/api-tokens/not-a-uuid/token')).statusCode, 404)
  })

  it('refuses a revoke without the form’s CSRF token', async () => {
    const made = await issueToken(t, 'warrington', 'Kept system')
    const agent = await admin()
    await agent.get(`/admin/api-tokens/${made.id}/revoke`)
    const res = await agent.post(`/admin/api-tokens/${made.id}/revoke`, { _csrf: 'forged' })
    assert.equal(res.statusCode, 403)
    assert.equal((await api(t, made.token).post('/api/v1/deadlines', { events: [] })).statusCode, 200)
  })
})
