import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditTrail, messages, staffRecoveryCodes, staffSecondFactors } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { appCode, setupKeyOf } from '../../../../test/helpers/second-factor.ts'

describe('setting up an authenticator app at first sign-in', () => {
  let t: TestApp
  let userId: string
  before(async () => {
    t = await createTestApp()
    userId = (
      await createStaff(t.database, 'nia@example.com', ['coordinator'], 'Nia New', undefined, { secondFactor: false })
    ).id
  })
  after(() => t.close())

  /** Past the password, as someone with no authenticator app yet. */
  async function afterPassword(email = 'nia@example.com') {
    const agent = new Agent(t.app)
    await agent.get('/sign-in?next=/cases')
    assertRedirect(
      await agent.post('/sign-in', { email, password: testPassword, next: '/cases' }),
      '/sign-in/second-factor',
    )
    assertRedirect(await agent.get('/sign-in/second-factor'), '/sign-in/enrol')
    return agent
  }

  const setupKey = (res: Awaited<ReturnType<Agent['get']>>) => setupKeyOf(html(res).querySelector('main code')!.text)

  let recoveryCodes: string[] = []

  test('the page shows a QR code drawn on the server and the key as text, and nothing else can be reached', async () => {
    const agent = await afterPassword()
    const page = await agent.get('/sign-in/enrol')
    assert.equal(page.statusCode, 200)
    assert.equal(titleOf(page).split(' - ')[0], 'Set up an authenticator app')
    const img = html(page).querySelector('main img')!
    assert.match(img.getAttribute('src')!, /^data:image\/svg\+xml;base64,/)
    const svg = Buffer.from(img.getAttribute('src')!.split(',')[1]!, 'base64').toString()
    assert.match(svg, /^<svg /)
    assert.ok(img.getAttribute('alt'))
    assert.match(setupKey(page), /^[A-Z2-7]{32}$/)
    // The same key on a reload (it is not set up until a code from it is entered).
    assert.equal(setupKey(await agent.get('/sign-in/enrol')), setupKey(page))
    // Kept sealed: the database never holds the key itself.
    const [row] = await t.database.db.select().from(staffSecondFactors).where(eq(staffSecondFactors.userId, userId))
    assert.ok(row && !row.confirmedAt && !row.secret.includes(setupKey(page)))

    // Not signed in yet: every staff page leads back to this step.
    assertRedirect(await agent.get('/cases'), '/sign-in/second-factor')
    assertRedirect(await agent.get('/today'), '/sign-in/second-factor')
    assertRedirect(await agent.get('/account/password'), '/sign-in/second-factor')
    assertRedirect(await agent.post('/admin/users/new', {}), '/sign-in/second-factor')
    const stored = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from sessions where data->>'userId' = ${userId}`,
    )
    assert.equal(stored.rows[0]!.n, 0, 'no session counts as signed in')
  })

  test('a missing or wrong code is refused with a clear message', async () => {
    const agent = await afterPassword()
    await agent.get('/sign-in/enrol')
    const empty = await agent.post('/sign-in/enrol', { code: '' })
    assertFormErrors(empty, ['code'])
    assert.match(empty.body, /Enter the 6-digit code from your authenticator app/)
    assertFormErrors(await agent.post('/sign-in/enrol', { code: '12345' }), ['code'])
    const page = await agent.get('/sign-in/enrol')
    const wrong = appCode(new Date(t.clock.now().getTime() - 5 * 60_000), setupKey(page))
    const res = await agent.post('/sign-in/enrol', { code: wrong })
    assertFormErrors(res, ['code'])
    assert.match(res.body, /The code is not right/)
    // The page keeps the same key to try again with.
    assert.equal(setupKey(res), setupKey(page))
    assertRedirect(await agent.get('/cases'), '/sign-in/second-factor')
  })

  test('the right code sets it up: ten recovery codes shown once and kept hashed, a new session, an email and the audit trail', async () => {
    const agent = await afterPassword()
    const page = await agent.get('/sign-in/enrol')
    const key = setupKey(page)
    const before = await agent.get('/sign-in/enrol')
    const res = await agent.post('/sign-in/enrol', { code: appCode(t.clock.now(), key) })
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res).split(' - ')[0], 'Save your recovery codes')
    assert.equal(res.headers['cache-control'], 'no-store')
    recoveryCodes = html(res)
      .querySelectorAll('main li code')
      .map((c) => c.text.trim())
    assert.equal(recoveryCodes.length, 10)
    assert.equal(new Set(recoveryCodes).size, 10)
    for (const code of recoveryCodes) assert.match(code, /^[a-z2-9]{5}-[a-z2-9]{5}$/)
    assert.equal(html(res).querySelector('main a.govuk-button')?.getAttribute('href'), '/cases')

    // The session changed at the second step, and now counts as signed in.
    const oldSid = before.cookies.find((c) => c.name === 'parley.sid')
    const newSid = res.cookies.find((c) => c.name === 'parley.sid')
    assert.ok(newSid && newSid.value !== oldSid?.value)
    assert.equal((await agent.get('/cases')).statusCode, 200)

    // Kept as hashes only.
    const kept = await t.database.db
      .select({ codeHash: staffRecoveryCodes.codeHash })
      .from(staffRecoveryCodes)
      .innerJoin(staffSecondFactors, eq(staffSecondFactors.id, staffRecoveryCodes.factorId))
      .where(eq(staffSecondFactors.userId, userId))
    assert.equal(kept.length, 10)
    for (const { codeHash } of kept) {
      assert.ok(!recoveryCodes.some((c) => codeHash.includes(c.replace('-', ''))))
    }

    // The account's owner is told by email, through the outbox.
    const [email] = await t.database.db
      .select()
      .from(messages)
      .where(eq(messages.templateKey, 'staff-second-factor-set-up'))
    assert.equal(email?.recipientAddress, 'nia@example.com')
    assert.equal(email?.channel, 'email')
    assert.match(email!.body, /An authenticator app was set up for your staff account/)
    assert.match(email!.body, /tell an administrator straight away/)
    assert.ok(!email!.body.includes(key), 'the email never holds the key')

    const [audit] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, userId), eq(auditTrail.action, 'staff.second-factor-set-up')))
    assert.equal(audit?.userId, userId)
  })

  test('once set up, the key is never shown again: the next sign-in asks for a code', async () => {
    const agent = new Agent(t.app)
    assertRedirect(
      await agent.submit('/sign-in', { email: 'nia@example.com', password: testPassword }),
      '/sign-in/second-factor',
    )
    assertRedirect(await agent.get('/sign-in/enrol'), '/sign-in/second-factor')
    const step = await agent.get('/sign-in/second-factor')
    assert.equal(step.statusCode, 200)
    assert.equal(html(step).querySelector('main img'), null)
    assert.equal(html(step).querySelector('main code'), null)
  })

  test('a recovery code signs in once, and not twice', async () => {
    const [code] = recoveryCodes
    assert.ok(code)
    const agent = new Agent(t.app)
    await agent.submit('/sign-in', { email: 'nia@example.com', password: testPassword })
    await agent.get('/sign-in/second-factor')
    // Typed in capitals with a space in place of the dash: still the code.
    const res = await agent.post('/sign-in/second-factor', { code: code.toUpperCase().replace('-', ' ') })
    assertRedirect(res, '/today')
    const home = await agent.get('/today')
    assert.equal(home.statusCode, 200)
    assert.match(home.body, /You signed in with a recovery code. You have 9 left/)
    const used = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, userId), eq(auditTrail.action, 'staff.recovery-code-used')))
    assert.equal(used.length, 1)

    const again = new Agent(t.app)
    await again.submit('/sign-in', { email: 'nia@example.com', password: testPassword })
    await again.get('/sign-in/second-factor')
    const refused = await again.post('/sign-in/second-factor', { code })
    assertFormErrors(refused, ['code'])
    assert.match(refused.body, /That recovery code is not right or has already been used/)
    assertRedirect(await again.get('/cases'), '/sign-in/second-factor')
    // Another unused one still works.
    assertRedirect(await again.post('/sign-in/second-factor', { code: recoveryCodes[1]! }), '/today')
  })
})
