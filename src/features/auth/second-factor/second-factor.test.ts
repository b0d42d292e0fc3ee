import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { appCode, forgetLastCode } from '../../../../test/helpers/second-factor.ts'

describe('the code from the authenticator app, after the password', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Coordinator')
  })
  after(() => t.close())

  const later = (seconds: number) => new Date(t.clock.now().getTime() + seconds * 1000)

  /** Past the password, going to /cases. */
  async function afterPassword() {
    const agent = new Agent(t.app)
    await agent.get('/sign-in?next=/cases')
    const res = await agent.post('/sign-in', { email: 'cora@example.com', password: testPassword, next: '/cases' })
    assertRedirect(res, '/sign-in/second-factor')
    return { agent, afterPasswordSid: res.cookies.find((c) => c.name === 'parley.sid')?.value }
  }

  test('without a right password there is no second step', async () => {
    assertRedirect(await new Agent(t.app).get('/sign-in/second-factor'), '/sign-in')
    assertRedirect(await new Agent(t.app).get('/sign-in/enrol'), '/sign-in')
  })

  test('every staff page before the second step leads to it', async () => {
    const { agent } = await afterPassword()
    assertRedirect(await agent.get('/cases'), '/sign-in/second-factor')
    assertRedirect(await agent.get('/today'), '/sign-in/second-factor')
    assertRedirect(await agent.get('/admin/users'), '/sign-in/second-factor')
    const page = await agent.get('/sign-in/second-factor')
    assert.equal(page.statusCode, 200)
    assert.equal(titleOf(page).split(' - ')[0], 'Enter the code from your authenticator app')
    assert.equal(html(page).getElementById('code')?.getAttribute('autocomplete'), 'one-time-code')
  })

  test('a missing, short or wrong code is refused with a clear message', async () => {
    await forgetLastCode(t.database, 'cora@example.com')
    const { agent } = await afterPassword()
    await agent.get('/sign-in/second-factor')
    const empty = await agent.post('/sign-in/second-factor', { code: '' })
    assertFormErrors(empty, ['code'])
    assert.match(empty.body, /Enter the 6-digit code from your authenticator app, or one of your recovery codes/)
    const short = await agent.post('/sign-in/second-factor', { code: '1234' })
    assertFormErrors(short, ['code'])
    assert.match(short.body, /must be 6 digits/)
    // Two steps away from now: outside the step either side that is allowed.
    const wrong = await agent.post('/sign-in/second-factor', { code: appCode(later(-65)) })
    assertFormErrors(wrong, ['code'])
    assert.match(wrong.body, /The code is not right. Enter the 6-digit code your authenticator app shows now/)
    assertRedirect(await agent.get('/cases'), '/sign-in/second-factor')
  })

  test('the right code signs in, in a new session, and goes on to the page asked for', async () => {
    await forgetLastCode(t.database, 'cora@example.com')
    const { agent, afterPasswordSid } = await afterPassword()
    await agent.get('/sign-in/second-factor')
    const res = await agent.post('/sign-in/second-factor', { code: appCode(t.clock.now()) })
    assertRedirect(res, '/cases')
    const sid = res.cookies.find((c) => c.name === 'parley.sid')?.value
    assert.ok(sid && sid !== afterPasswordSid, 'the session changed at the second step')
    assert.equal((await agent.get('/cases')).statusCode, 200)
    const rows = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from sessions where data->>'pendingUserId' is not null and data->>'userId' is not null`,
    )
    assert.equal(rows.rows[0]!.n, 0, 'no session is both half and fully signed in')
  })

  test('the audit trail has the password accepted, a wrong code, and the sign-in when the right code ends it', async () => {
    await forgetLastCode(t.database, 'cora@example.com')
    const before = await t.database.db.execute<{ id: string | null }>(sql`select max(id) as id from audit_trail`)
    const since = before.rows[0]!.id ?? '0'
    const { agent } = await afterPassword()
    await agent.get('/sign-in/second-factor')
    await agent.post('/sign-in/second-factor', { code: appCode(later(-65)) })
    assertRedirect(await agent.post('/sign-in/second-factor', { code: appCode(t.clock.now()) }), '/cases')
    const rows = await t.database.db.execute<{ action: string; reason: string | null }>(
      sql`select action, after->>'reason' as reason from audit_trail
          where record_kind = 'sign-in' and id > ${since} order by id`,
    )
    assert.deepEqual(
      rows.rows.map((r) => [r.action, r.reason]),
      [
        ['sign-in.password-accepted', null],
        ['sign-in.failed', 'second-factor'],
        ['sign-in.succeeded', null],
      ],
    )
  })

  test('a code already used is refused (replay), however it is sent; the next one works', async () => {
    await forgetLastCode(t.database, 'cora@example.com')
    const code = appCode(t.clock.now())
    const first = await afterPassword()
    await first.agent.get('/sign-in/second-factor')
    assertRedirect(await first.agent.post('/sign-in/second-factor', { code }), '/cases')

    const second = await afterPassword()
    await second.agent.get('/sign-in/second-factor')
    const replay = await second.agent.post('/sign-in/second-factor', { code })
    assertFormErrors(replay, ['code'])
    assert.match(replay.body, /That code has already been used/)
    // An app's clock a step behind: the code before this one is older than the one used.
    assertFormErrors(await second.agent.post('/sign-in/second-factor', { code: appCode(later(-30)) }), ['code'])
    // An app's clock a step ahead (within the window): that code is new, so it works.
    assertRedirect(await second.agent.post('/sign-in/second-factor', { code: appCode(later(30)) }), '/cases')
  })

  test('two requests with the same code at once: one signs in, the other is refused', async () => {
    await forgetLastCode(t.database, 'cora@example.com')
    const [a, b] = await Promise.all([afterPassword(), afterPassword()])
    await Promise.all([a.agent.get('/sign-in/second-factor'), b.agent.get('/sign-in/second-factor')])
    t.clock.set(later(90)) // a fresh step, no code of it used yet
    const code = appCode(t.clock.now())
    const answers = await Promise.all([
      a.agent.post('/sign-in/second-factor', { code }),
      b.agent.post('/sign-in/second-factor', { code }),
    ])
    assert.deepEqual(answers.map((r) => r.statusCode).sort(), [303, 400])
  })

  test('too many wrong codes end the sign-in: the password is needed again', async () => {
    const { agent } = await afterPassword()
    await agent.get('/sign-in/second-factor')
    const wrong = appCode(later(-300))
    for (let i = 0; i < 4; i++) assertFormErrors(await agent.post('/sign-in/second-factor', { code: wrong }), ['code'])
    const last = await agent.post('/sign-in/second-factor', { code: wrong })
    assert.equal(last.statusCode, 400)
    assert.equal(titleOf(last).split(' - ')[0], 'Sign in again')
    assertRedirect(await agent.get('/sign-in/second-factor'), '/sign-in')
    assertRedirect(await agent.get('/cases'), /^\/sign-in\?next=/)
  })
})
