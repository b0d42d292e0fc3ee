// Signing in to the portal without a password: links by email and codes by text, single use,
// expiring, rate limited per address and per IP, and the same answer for a known or unknown address.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { caseEvents, caseParties, messages, portalSignIns } from '../../../db/schema/index.ts'
import { makeCase } from '../../cases/testing.ts'
import { emails, latestLink, linkFor, portalCases, signInAsParty } from '../testing.ts'

const mainText = (body: string) =>
  html({ body } as never)
    .querySelector('main')!
    .text.replace(/\s+/g, ' ')
    .trim()

/** A visitor from one IP address (the limits count per IP): fetch the form, then post it. */
async function askFrom(app: FastifyInstance, ip: string, contact: string) {
  const form = await app.inject({ method: 'GET', url: '/portal/sign-in', remoteAddress: ip })
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
  return app.inject({
    method: 'POST',
    url: '/portal/sign-in',
    remoteAddress: ip,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, contact }).toString(),
  })
}

describe('portal sign-in', () => {
  let t: TestApp
  let f: Awaited<ReturnType<typeof portalCases>>

  before(async () => {
    t = await createTestApp()
    f = await portalCases(t)
  })
  after(() => t.close())

  test('the sign-in page asks for an email address or mobile number, with GOV.UK errors', async () => {
    const agent = new Agent(t.app)
    const page = await agent.get('/portal/sign-in')
    assert.equal(page.statusCode, 200)
    assert.equal(html(page).querySelector('h1')!.text, 'Sign in to see your case')
    assertFormErrors(await agent.post('/portal/sign-in', { contact: '' }), ['contact'])
    const bad = await agent.post('/portal/sign-in', { contact: 'sarah at example' })
    assertFormErrors(bad, ['contact'])
    assert.match(bad.body, /like name@example.com, or a mobile phone number/)
  })

  test('a known and an unknown address get the same answer; only the known one gets a link', async () => {
    const known = await askFrom(t.app, '10.0.0.1', emails.parent)
    const unknown = await askFrom(t.app, '10.0.0.2', 'nobody-here@example.com')
    assert.equal(known.statusCode, 303)
    assert.equal(unknown.statusCode, known.statusCode)
    assert.equal(unknown.headers.location, known.headers.location)
    assert.equal(known.headers.location, '/portal/sign-in/sent')
    const sent = await new Agent(t.app).get('/portal/sign-in/sent')
    assert.match(mainText(sent.body), /If we have your details, we have sent you a link/)
    const queued = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'portal-sign-in-link'))
    assert.deepEqual(
      queued.map((m) => m.recipientAddress),
      [emails.parent],
    )
    assert.equal(queued[0]!.channel, 'email')
    assert.equal(queued[0]!.caseId, null, "the live link is not on the case's messages")
    // Only a hash is kept.
    const link = await latestLink(t, emails.parent)
    const token = link.split('/').pop()!
    const stored = await t.database.db.select().from(portalSignIns).where(eq(portalSignIns.partyId, f.parent.id))
    assert.ok(stored.every((s) => s.tokenHash !== token && /^[0-9a-f]{64}$/.test(s.tokenHash)))
    assert.equal(stored[0]!.expiresAt.getTime() - stored[0]!.createdAt.getTime(), 30 * 60_000)
  })

  test('the link shows a button (a link scanner cannot use it up); the button signs in once, in a new session', async () => {
    const agent = new Agent(t.app)
    await agent.get('/portal/sign-in')
    const before = agent['cookies'].get('parley.sid')
    const path = await linkFor(t, f.parent.id)
    assert.equal((await agent.get(path)).statusCode, 200)
    assert.equal((await agent.get(path)).statusCode, 200, 'opening the link again still works')
    const signedIn = await agent.post(path)
    assert.equal(signedIn.statusCode, 303)
    assert.equal(signedIn.headers.location, '/portal')
    assert.notEqual(agent['cookies'].get('parley.sid'), before, 'a new session on signing in')
    assert.equal((await agent.get('/portal')).statusCode, 200)
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, f.id), eq(caseEvents.type, 'portal-signed-in')))
    assert.ok(events.length >= 1)

    // Used: the same link again is refused, with a way to ask for a new one.
    const again = await new Agent(t.app).get(path)
    assert.equal(again.statusCode, 410)
    assert.match(again.body, /This link has stopped working/)
    assert.ok(html(again).querySelector('form[action="/portal/sign-in"] #contact'), 'a form for a new link')
    const reuse = new Agent(t.app)
    await reuse.get('/portal/sign-in')
    assert.equal((await reuse.post(path)).statusCode, 410)
  })

  test('an expired, unknown or broken link is refused', async () => {
    const path = await linkFor(t, f.parent.id)
    t.clock.set(new Date(t.clock.now().getTime() + 31 * 60_000))
    try {
      const agent = new Agent(t.app)
      assert.equal((await agent.get(path)).statusCode, 410)
      await agent.get('/portal/sign-in')
      assert.equal((await agent.post(path)).statusCode, 410)
    } finally {
      t.clock.set('2026-11-27T10:00:00Z')
    }
    const agent = new Agent(t.app)
    assert.equal((await agent.get(`/portal/sign-in/${'A'.repeat(43)}`)).statusCode, 410)
    assert.equal((await agent.get('/portal/sign-in/short')).statusCode, 410)
    await agent.get('/portal/sign-in')
    assert.equal((await agent.post(`/portal/sign-in/${'B'.repeat(43)}`)).statusCode, 410)
  })

  test('a code by text message: the right code signs in once; wrong codes are refused, and too many stop the code', async () => {
    const agent = new Agent(t.app)
    await agent.get('/portal/sign-in')
    const asked = await agent.post('/portal/sign-in', { contact: '+44 7700 900123' })
    assert.equal(asked.headers.location, '/portal/sign-in/code')
    const [text] = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'portal-sign-in-code'))
    assert.equal(text!.channel, 'text')
    const code = /\b(\d{6})\b/.exec(text!.body)![1]!
    const page = await agent.get('/portal/sign-in/code')
    assert.match(page.body, /sent a 6-digit code to/)
    assertFormErrors(await agent.post('/portal/sign-in/code', { code: '12' }), ['code'])
    const wrong = await agent.post('/portal/sign-in/code', { code: code === '000000' ? '111111' : '000000' })
    assertFormErrors(wrong, ['code'])
    const right = await agent.post('/portal/sign-in/code', { code })
    assert.equal(right.statusCode, 303)
    const home = await agent.get('/portal')
    assert.equal(home.statusCode, 200)
    assert.match(home.body, /Amelia Hartley/)

    // Used once only; and five wrong codes end the code sent.
    const other = new Agent(t.app)
    await other.get('/portal/sign-in')
    await other.post('/portal/sign-in', { contact: '07700900123' })
    const codes = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'portal-sign-in-code'))
    const second = /\b(\d{6})\b/.exec(codes.at(-1)!.body)![1]!
    await other.get('/portal/sign-in/code')
    let last
    for (let i = 0; i < 5; i++)
      last = await other.post('/portal/sign-in/code', { code: second === '999999' ? '999998' : '999999' })
    assert.match(last!.body, /You need a new code/)
    const after = new Agent(t.app)
    await after.get('/portal/sign-in')
    await after.post('/portal/sign-in', { contact: '07700900999' }) // unknown: the same page
    await after.get('/portal/sign-in/code')
    assert.equal(
      (await after.post('/portal/sign-in/code', { code: second })).statusCode,
      400,
      'the cancelled code no longer works',
    )
  })

  test('someone in several cases chooses which one to see, and only among their own', async () => {
    const second = await makeCase(t.database, t.clock, { childName: 'Ben Hartley' })
    await t.database.db
      .update(caseParties)
      .set({ email: emails.parent })
      .where(and(eq(caseParties.caseId, second.id), eq(caseParties.role, 'parent')))
    const agent = new Agent(t.app)
    const path = await linkFor(t, f.parent.id)
    await agent.get(path)
    const signedIn = await agent.post(path)
    assert.equal(signedIn.headers.location, '/portal/cases')
    const list = await agent.get('/portal/cases')
    assert.match(list.body, /Ben Hartley/)
    assert.match(list.body, /Amelia Hartley/)
    const [benParent] = await t.database.db
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.caseId, second.id), eq(caseParties.role, 'parent')))
    assert.equal((await agent.post('/portal/cases', { partyId: benParent!.id })).statusCode, 303)
    assert.match((await agent.get('/portal')).body, /Ben Hartley/)
    await agent.get('/portal/cases')
    assert.equal((await agent.post('/portal/cases', { partyId: f.council.id })).statusCode, 404, 'not a case of theirs')
  })

  test("each case's button is named by its case: the child and the reference, so two about one child differ", async () => {
    const again = await makeCase(t.database, t.clock, { childName: 'Amelia Hartley' })
    await t.database.db
      .update(caseParties)
      .set({ email: emails.parent })
      .where(and(eq(caseParties.caseId, again.id), eq(caseParties.role, 'parent')))
    const agent = new Agent(t.app)
    const path = await linkFor(t, f.parent.id)
    await agent.get(path)
    await agent.post(path)
    const names = html(await agent.get('/portal/cases'))
      .querySelectorAll('form[action="/portal/cases"] button')
      .map((b) => b.text.replace(/\s+/g, ' ').trim())
    assert.ok(names.length >= 2)
    assert.equal(new Set(names).size, names.length, 'no two buttons share a name')
    assert.ok(names.includes(`See this case about Amelia Hartley, reference ${again.reference}`))
  })

  test('a party session is not a staff session, and a staff session is not a party session', async () => {
    const parent = await signInAsParty(t, emails.parent)
    const today = await parent.get('/today')
    assert.equal(today.statusCode, 303)
    assert.match(String(today.headers.location), /^\/sign-in/)
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    const staff = await new Agent(t.app).signIn('cora@example.com')
    assert.equal((await staff.get('/portal')).headers.location, '/portal/sign-in')
  })

  test('requests are limited per address (known or not: the same) and per IP', async () => {
    for (const address of [emails.school, 'unknown-person@example.com']) {
      for (let i = 0; i < 5; i++)
        assert.equal((await askFrom(t.app, `10.1.0.${i + 10}`, address)).statusCode, 303, `${address} request ${i + 1}`)
      const limited = await askFrom(t.app, '10.1.0.99', address)
      assert.equal(limited.statusCode, 429, address)
      assert.match(limited.body, /too many attempts/)
    }
    for (let i = 0; i < 10; i++)
      assert.equal((await askFrom(t.app, '10.2.0.1', `person${i}@example.com`)).statusCode, 303)
    assert.equal((await askFrom(t.app, '10.2.0.1', 'person-eleven@example.com')).statusCode, 429)
  })
})
