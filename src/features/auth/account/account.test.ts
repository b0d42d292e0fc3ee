// Your account: the person's sessions (started, last used, browser, address), each of the others
// signed out with its own button or all at once; nobody else's sessions are shown or ended.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditTrail } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'

const firefox = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0'

describe('your account and where you are signed in', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp({ now: '2026-11-27T09:00:00Z' })
    await createStaff(t.database, 'priya@example.com', ['coordinator'], 'Priya Okafor')
    await createStaff(t.database, 'tomasz@example.com', ['coordinator'], 'Tomasz Brennan')
  })
  after(() => t.close())

  const rowsOf = (page: Awaited<ReturnType<Agent['get']>>) =>
    html(page)
      .querySelectorAll('#sessions tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.textContent.replace(/\s+/g, ' ').trim()))

  test('lists your sessions with when, which browser and where; signs out one, then all the others', async () => {
    const laptop = await new Agent(t.app, { headers: { 'user-agent': firefox } }).signIn('priya@example.com')
    t.clock.set('2026-11-27T09:30:00Z')
    const phone = await new Agent(t.app).signIn('priya@example.com')
    const third = await new Agent(t.app).signIn('priya@example.com')
    const colleague = await new Agent(t.app).signIn('tomasz@example.com')
    t.clock.set('2026-11-27T09:45:00Z')
    await laptop.get('/today') // seen again

    const page = await phone.get('/account')
    assert.equal(page.statusCode, 200)
    assert.match(html(page).getElementById('account-details')!.textContent, /Priya Okafor[\s\S]*priya@example.com/)
    const rows = rowsOf(page)
    assert.equal(rows.length, 3, 'only her own sessions')
    assert.deepEqual(rows[0]!.slice(3), ['Now', 'This session'])
    const laptopRow = rows.find((r) => r[0] === 'Firefox on Windows')!
    assert.deepEqual(laptopRow.slice(1, 4), [
      '127.0.0.1',
      'Friday 27 November 2026 at 9am',
      'Friday 27 November 2026 at 9:45am',
    ])

    // One session, by its own button (named by a hash, never the session's id).
    const buttons = html(page)
      .querySelectorAll('input[name=session]')
      .map((i) => i.getAttribute('value')!)
    assert.ok(buttons.includes('others'))
    const laptopHandle = html(page)
      .querySelectorAll('#sessions tbody tr')
      .find((tr) => tr.textContent.includes('Firefox'))!
      .querySelector('input[name=session]')!
      .getAttribute('value')!
    assertRedirect(await phone.post('/account/sessions/end', { session: laptopHandle }), '/account')
    assert.match((await phone.get('/account')).body, /That session has been signed out/)
    assertRedirect(await laptop.get('/today'), /^\/sign-in/)
    assert.equal((await third.get('/today')).statusCode, 200)
    // Ending it again, or a made-up one, changes nothing.
    await phone.get('/account')
    assertRedirect(await phone.post('/account/sessions/end', { session: laptopHandle }), '/account')
    assert.match((await phone.get('/account')).body, /That session had already ended/)

    // All the others at once.
    assertRedirect(await phone.post('/account/sessions/end', { session: 'others' }), '/account')
    assertRedirect(await third.get('/today'), /^\/sign-in/)
    assert.equal((await phone.get('/today')).statusCode, 200, 'this session goes on')
    assert.equal((await colleague.get('/today')).statusCode, 200, "a colleague's session is not touched")
    assert.equal(rowsOf(await phone.get('/account')).length, 1)
    const audit = await t.database.db.select().from(auditTrail).where(eq(auditTrail.action, 'staff.sessions-ended'))
    assert.equal(audit.length, 2)
  })

  test("another person's session cannot be ended by its handle", async () => {
    const colleague = await new Agent(t.app).signIn('tomasz@example.com')
    const theirHandle = html(await colleague.get('/account'))
      .querySelectorAll('#sessions tbody tr')
      .flatMap((tr) => tr.querySelectorAll('input[name=session]').map((i) => i.getAttribute('value')!))
    const mine = await new Agent(t.app).signIn('tomasz@example.com')
    const handles = html(await mine.get('/account'))
      .querySelectorAll('#sessions input[name=session]')
      .map((i) => i.getAttribute('value')!)
    const priya = await new Agent(t.app).signIn('priya@example.com')
    await priya.get('/account')
    for (const handle of [...theirHandle, ...handles]) {
      await priya.post('/account/sessions/end', { session: handle })
    }
    assert.equal((await colleague.get('/today')).statusCode, 200)
    assert.equal((await mine.get('/today')).statusCode, 200)
  })

  test('without a session the page sends you to sign in', async () => {
    assertRedirect(await new Agent(t.app).get('/account'), /^\/sign-in/)
  })
})
