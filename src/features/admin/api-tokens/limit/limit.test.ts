// Each API token's own limit: set when it is issued (120 a minute unless the administrator says
// otherwise), shown and changed on the tokens' pages, audited, and used by the API at once.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../../test/helpers/html.ts'
import { apiTokens, auditTrail } from '../../../../db/schema/index.ts'
import { api, issueToken } from '../../../api/test-kit.ts'

describe('an API token’s requests a minute', () => {
  let t: TestApp
  let admin: Agent
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')
    admin = await new Agent(t.app).signIn('admin@example.com')
  })
  after(() => t.close())

  const limitOf = async (id: string) =>
    (await t.database.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.requestsPerMinute
  const shownOn = (body: string) =>
    html({ body } as never)
      .querySelector('input[name="shown"]')
      ?.getAttribute('value') ?? ''
  /** Requests until one is refused (429), at most `most`: how many got through. */
  const through = async (token: string, most: number) => {
    for (let n = 0; n < most; n++) {
      const res = await api(t, token).get('/api/v1/cases/MED-2026-999999')
      if (res.statusCode === 429) return n
      assert.equal(res.statusCode, 404)
    }
    return most
  }

  it('is 120 unless the administrator issuing the token gives another, and shows in the list', async () => {
    const form = await admin.get('/admin/api-tokens/new')
    assert.equal(html(form).getElementById('requestsPerMinute')?.getAttribute('value'), '120')
    const key = /name="submissionKey" value="([^"]+)"/.exec(form.body)![1]!
    const bad = await admin.post('/admin/api-tokens/new', {
      submissionKey: key,
      name: 'Bulk reader',
      authority: 'warrington',
      requestsPerMinute: 'lots',
    })
    assertFormErrors(bad, ['requestsPerMinute'])
    assert.match(bad.body, /Requests a minute must be a whole number, like 120/)
    assert.equal(html(bad).getElementById('requestsPerMinute')?.getAttribute('value'), 'lots')
    const made = await admin.post('/admin/api-tokens/new', {
      submissionKey: key,
      name: 'Bulk reader',
      authority: 'warrington',
      requestsPerMinute: '2,500',
    })
    assertRedirect(made)
    const id = /\/admin\/api-tokens\/([^/]+)\/token/.exec(made.headers.location as string)![1]!
    assert.equal(await limitOf(id), 2500)
    const row = html(await admin.get('/admin/api-tokens'))
      .querySelectorAll('tbody tr')
      .find((r) => r.text.includes('Bulk reader'))!
    assert.match(row.text.replace(/\s+/g, ' '), /2,500/)
    assert.ok(row.querySelector(`a[href="/admin/api-tokens/${id}/limit"]`))
  })

  it('is changed on its own page, refused when out of range or changed by someone else meanwhile, and audited', async () => {
    const { id } = await issueToken(t, 'warrington', 'Case system')
    const url = `/admin/api-tokens/${id}/limit`
    const page = await admin.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Requests a minute for the token Case system - /)
    assert.equal(html(page).getElementById('requestsPerMinute')?.getAttribute('value'), '120')
    const tooMany = await admin.post(url, { shown: shownOn(page.body), requestsPerMinute: '100001' })
    assertFormErrors(tooMany, ['requestsPerMinute'])
    assert.match(tooMany.body, /must be between 1 and 100,000/)

    const other = await new Agent(t.app).signIn('admin@example.com')
    assertRedirect(await other.post(url, { shown: shownOn((await other.get(url)).body), requestsPerMinute: '300' }))
    const stale = await admin.post(url, { shown: shownOn(page.body), requestsPerMinute: '5000' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this limit[^<]*it is now 300 requests a minute/)
    assert.equal(await limitOf(id), 300)

    assertRedirect(
      await admin.post(url, { shown: shownOn((await admin.get(url)).body), requestsPerMinute: '600' }),
      '/admin/api-tokens',
    )
    assert.equal(await limitOf(id), 600)
    assert.match(
      html(await admin.get('/admin/api-tokens')).querySelector('.govuk-notification-banner')?.text ?? '',
      /may now make 600 requests a minute/,
    )
    const audited = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, id))
    assert.deepEqual(
      audited.map((a) => [a.action, a.before, a.after]),
      [
        ['api-token.limit-changed', { requestsPerMinute: 120 }, { requestsPerMinute: 300 }],
        ['api-token.limit-changed', { requestsPerMinute: 300 }, { requestsPerMinute: 600 }],
      ],
    )
  })

  it('is the limit the API holds the token to, from the next request', async () => {
    const small = await issueToken(t, 'warrington', 'Small')
    const url = `/admin/api-tokens/${small.id}/limit`
    assertRedirect(await admin.post(url, { shown: shownOn((await admin.get(url)).body), requestsPerMinute: '3' }))
    assert.equal(await through(small.token, 10), 3)
    // A bulk reader's larger limit lets it past the usual 120.
    const bulk = await issueToken(t, 'warrington', 'Bulk')
    const bulkUrl = `/admin/api-tokens/${bulk.id}/limit`
    assertRedirect(
      await admin.post(bulkUrl, { shown: shownOn((await admin.get(bulkUrl)).body), requestsPerMinute: '150' }),
    )
    assert.equal(await through(bulk.token, 160), 150)
    // The minute over, the small token may go on.
    t.clock.set(new Date(t.clock.now().getTime() + 61_000))
    assert.equal(await through(small.token, 10), 3)
  })

  it('is for administrators only', async () => {
    const { id } = await issueToken(t)
    const coord = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coord.get(`/admin/api-tokens/${id}/limit`)).statusCode, 403)
    assert.equal(
      (await coord.post(`/admin/api-tokens/${id}/limit`, { shown: '120', requestsPerMinute: '9' })).statusCode,
      403,
    )
    assert.equal(await limitOf(id), 120)
  })
})
