import { brotliDecompressSync } from 'node:zlib'
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import { html, titleOf } from '../helpers/html.ts'

describe('the app as a whole', () => {
  let t: TestApp
  before(async () => (t = await createTestApp()))
  after(() => t.close())

  test('GET /health answers while the process is up', async () => {
    const res = await t.app.inject('/health')
    assert.equal(res.statusCode, 200)
    assert.deepEqual(res.json(), { status: 'ok' })
  })

  test('GET /ready answers when the database does, and 503 when it does not', async () => {
    const res = await t.app.inject('/ready')
    assert.equal(res.statusCode, 200)
    assert.equal(res.json().status, 'ready')
    const { database } = t
    const ping = database.ping
    database.ping = async () => {
      throw new Error('gone')
    }
    try {
      const down = await t.app.inject('/ready')
      assert.equal(down.statusCode, 503)
      assert.equal(down.json().status, 'unavailable')
    } finally {
      database.ping = ping
    }
  })

  test('pages carry security headers, with a fresh CSP nonce that the inline script uses', async () => {
    const a = await t.app.inject('/')
    const b = await t.app.inject('/')
    const csp = String(a.headers['content-security-policy'])
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1]
    assert.ok(nonce, 'a nonce in the CSP')
    assert.notEqual(nonce, /'nonce-([^']+)'/.exec(String(b.headers['content-security-policy']))?.[1])
    assert.ok(a.body.includes(`<script nonce="${nonce}">`))
    assert.equal(a.headers['x-content-type-options'], 'nosniff')
    assert.equal(a.headers['cache-control'], 'no-store')
    assert.match(csp, /frame-ancestors 'none'/)
  })

  test('the start page is in plain English, has no GOV.UK crown, and shows how to get help', async () => {
    const res = await t.app.inject('/')
    const doc = html(res)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Get help with a disagreement/)
    assert.equal(doc.querySelectorAll('.govuk-header__logotype').length, 0)
    assert.match(doc.querySelector('footer')!.text, /03330 062 835/)
    assert.match(doc.querySelector('footer')!.text, /Monday to Friday, 9am to 6pm/)
    assert.match(doc.querySelector('main')!.text, /free/i)
  })

  test("the stylesheet and the design systems' scripts are served", async () => {
    for (const url of [
      '/assets/app.css',
      '/assets/js/app.js',
      '/assets/govuk-frontend/govuk-frontend.min.js',
      '/assets/moj-frontend/moj-frontend.min.js',
    ]) {
      assert.equal((await t.app.inject(url)).statusCode, 200, url)
    }
    assert.equal((await t.app.inject('/assets/govuk-frontend/../../package.json')).statusCode, 404)
  })

  test('every page links our icon, and /favicon.ico is there for whatever asks without a link', async () => {
    const doc = html(await t.app.inject('/'))
    const icons = doc.querySelectorAll('link[rel="icon"]').map((l) => l.getAttribute('href'))
    assert.deepEqual(icons, ['/favicon.ico', '/assets/icons/favicon.svg'])
    const ico = await t.app.inject('/favicon.ico')
    assert.equal(ico.statusCode, 200)
    assert.equal(ico.headers['content-type'], 'image/x-icon')
    assert.deepEqual([...ico.rawPayload.subarray(0, 4)], [0, 0, 1, 0], 'an ICO file')
    const svg = await t.app.inject('/assets/icons/favicon.svg')
    assert.equal(svg.statusCode, 200)
    assert.match(String(svg.headers['content-type']), /^image\/svg\+xml/)
  })

  test('the stylesheet and the scripts go compressed to a browser that accepts it, whole to one that does not', async () => {
    for (const url of [
      '/assets/app.css',
      '/assets/govuk-frontend/govuk-frontend.min.js',
      '/assets/moj-frontend/moj-frontend.min.js',
    ]) {
      const whole = await t.app.inject(url)
      const small = await t.app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } })
      assert.equal(small.statusCode, 200, url)
      assert.equal(small.headers['content-encoding'], 'br', url)
      assert.equal(whole.headers['content-encoding'], undefined, url)
      assert.ok(small.rawPayload.length * 4 < whole.rawPayload.length, `${url} is much smaller`)
      assert.deepEqual(brotliDecompressSync(small.rawPayload), whole.rawPayload)
    }
  })

  test('an unknown page gets a helpful 404 page', async () => {
    const res = await t.app.inject('/no-such-page')
    assert.equal(res.statusCode, 404)
    assert.match(titleOf(res), /^Page not found/)
  })

  test('a form posted without its CSRF token is refused with a page that says what to do', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: 'email=a%40b.com&password=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.statusCode, 403)
    assert.match(html(res).querySelector('main')!.text, /Go back, reload the page and try again/)
  })

  test('an oversize body gets a clear error page, never a stack trace', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: 'x='.padEnd(200_000, 'a'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.statusCode, 413)
    assert.match(res.body, /too large/)
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/)
  })

  test('an unsupported body type is refused clearly', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      payload: '<x/>',
      headers: { 'content-type': 'application/xml' },
    })
    assert.equal(res.statusCode, 415)
    assert.match(res.body, /not accepted/)
  })

  test('staff pages need signing in', async () => {
    const res = await t.app.inject('/cases')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/sign-in?next=%2Fcases')
  })
})
