import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { sessions, users } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'

describe('signing in and out', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
  })
  after(() => t.close())

  test('GET /sign-in renders the form', async () => {
    const res = await new Agent(t.app).get('/sign-in')
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res).split(' - ')[0], 'Sign in')
    assert.ok(html(res).querySelector('input[name=_csrf]'))
  })

  test('missing details: 400 with a summary linking to each field', async () => {
    const res = await new Agent(t.app).submit('/sign-in', { email: '', password: '' })
    assertFormErrors(res, ['email', 'password'])
  })

  test('a wrong password says so without saying which part was wrong, and keeps the email', async () => {
    const res = await new Agent(t.app).submit('/sign-in', { email: 'coordinator@example.com', password: 'wrong' })
    assertFormErrors(res, ['email'])
    assert.match(res.body, /Enter a correct email address and password/)
    assert.equal(html(res).getElementById('email')!.getAttribute('value'), 'coordinator@example.com')
    assert.equal(html(res).getElementById('password')!.getAttribute('value'), undefined)
  })

  test('an unknown email gets the same answer', async () => {
    const res = await new Agent(t.app).submit('/sign-in', { email: 'nobody@example.com', password: testPassword })
    assertFormErrors(res, ['email'])
    assert.match(res.body, /Enter a correct email address and password/)
  })

  test('an unknown field is refused', async () => {
    const res = await new Agent(t.app).submit('/sign-in', {
      email: 'coordinator@example.com',
      password: testPassword,
      role: 'administrator',
    })
    assert.equal(res.statusCode, 400)
  })

  test('signing in stores the session in the database, with a safe cookie, and goes on to the page asked for', async () => {
    const secure = await createTestApp({ config: { COOKIE_SECURE: true, TRUST_PROXY: true } })
    after(() => secure.close())
    await createStaff(secure.database, 'coordinator@example.com', ['coordinator'])
    const agent = new Agent(secure.app, { https: true })
    await agent.get('/sign-in?next=/cases')
    const res = await agent.post('/sign-in', {
      email: 'Coordinator@Example.com',
      password: testPassword,
      next: '/cases',
    })
    assertRedirect(res, '/sign-in/second-factor')
    const cookie = res.cookies.find((c) => c.name === 'parley.sid')!
    assert.equal(cookie.httpOnly, true)
    assert.equal(cookie.secure, true)
    assert.equal(cookie.sameSite, 'Lax')
    assertRedirect(await agent.passSecondStep('coordinator@example.com'), '/cases')
    assert.ok((await secure.database.db.select().from(sessions)).some((s) => (s.data as { userId?: string }).userId))
  })

  test('a "next" address on another site is not followed', async () => {
    const agent = new Agent(t.app)
    await agent.get('/sign-in')
    const res = await agent.post('/sign-in', {
      email: 'coordinator@example.com',
      password: testPassword,
      next: '//evil.example/',
    })
    assertRedirect(res, '/sign-in/second-factor')
    assertRedirect(await agent.passSecondStep('coordinator@example.com'), '/today')
  })

  test('signing out ends the session', async () => {
    const agent = await new Agent(t.app).signIn('coordinator@example.com')
    assert.equal((await agent.get('/cases')).statusCode, 200)
    await agent.get('/today')
    assertRedirect(await agent.post('/sign-out'), '/sign-in')
    assertRedirect(await agent.get('/cases'), /^\/sign-in/)
  })

  test('a disabled account cannot sign in', async () => {
    await createStaff(t.database, 'gone@example.com', ['coordinator'])
    await t.database.db.update(users).set({ disabledAt: new Date() }).where(eq(users.email, 'gone@example.com'))
    const res = await new Agent(t.app).submit('/sign-in', { email: 'gone@example.com', password: testPassword })
    assertFormErrors(res, ['email'])
  })
})
