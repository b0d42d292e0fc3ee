// Failed sign-ins are counted in the database, per account from any address and per address for
// any account, and only failures count: the pages say plainly when to try again (the same words
// whether or not the account exists), the account's owner is emailed when it is locked, and a
// busy office signing in correctly is never held up. Runs on PostgreSQL too (DATABASE_URL), where
// attempts sent at the same moment really race.
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { buildApp } from '../../../app.ts'
import { auditTrail, messages, signInFailures } from '../../../db/schema/index.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../../test/helpers/app.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { html } from '../../../../test/helpers/html.ts'
import { appCode, forgetLastCode } from '../../../../test/helpers/second-factor.ts'
import { deleteForgottenSignInFailures } from '../index.ts'

/** One attempt as a browser at this address makes it: the form, then its post. */
async function attempt(app: FastifyInstance, email: string, password: string, ip: string) {
  const form = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: ip })
  const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const csrf = html(form).querySelector('input[name=_csrf]')!.getAttribute('value')!
  return app.inject({
    method: 'POST',
    url: '/sign-in',
    remoteAddress: ip,
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  })
}

const wrong = 'Enter a correct email address and password'
const tooMany = (time: string) => `There have been too many attempts to sign in. Try again at ${time}.`
const errorOf = (res: LightMyRequestResponse) =>
  html(res).querySelector('.govuk-error-summary__list a')?.textContent.trim() ?? `(no error: ${res.statusCode})`

describe('failed sign-ins slow down, then lock, the account', () => {
  let t: TestApp
  let lenaId: string
  const addresses = (n: number) => Array.from({ length: n }, (_, i) => `198.51.100.${i + 1}`)
  before(async () => {
    t = await createTestApp({ now: '2026-11-27T10:00:00Z' })
    await createStaff(t.database, 'priya@example.com', ['coordinator'], 'Priya Okafor')
    lenaId = (await createStaff(t.database, 'lena@example.com', ['coordinator'], 'Lena Marsh')).id
    await createStaff(t.database, 'tomasz@example.com', ['coordinator'], 'Tomasz Brennan')
  })
  beforeEach(async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    await t.database.db.delete(signInFailures)
  })
  after(() => t.close())

  test('wrong passwords from ever-new addresses: four cost nothing, then the next must wait, told plainly when', async () => {
    const [a, b, c, d, e, f] = addresses(6)
    for (const ip of [a, b, c, d]) assert.equal(errorOf(await attempt(t.app, 'priya@example.com', 'guess', ip!)), wrong)
    const fifth = await attempt(t.app, 'priya@example.com', 'guess', e!)
    assert.equal(fifth.statusCode, 400)
    assert.equal(errorOf(fifth), tooMany('10:01am'))
    // What was typed is kept, but never the password.
    assert.equal(html(fifth).getElementById('email')!.getAttribute('value'), 'priya@example.com')
    assert.equal(html(fifth).getElementById('password')!.getAttribute('value'), undefined)
    // While it waits, even the right password, from yet another address, is not checked.
    assert.equal(errorOf(await attempt(t.app, 'priya@example.com', testPassword, f!)), tooMany('10:01am'))
    t.clock.set('2026-11-27T10:01:00Z')
    const signedIn = await attempt(t.app, 'priya@example.com', testPassword, f!)
    assert.equal(signedIn.statusCode, 303)
    // Signing in (the password, then the code) starts the account again from nothing.
    await new Agent(t.app).signIn('priya@example.com')
    for (const ip of addresses(4)) assert.equal(errorOf(await attempt(t.app, 'priya@example.com', 'guess', ip)), wrong)
  })

  test('ten failures lock the account for 30 minutes, the owner is emailed, and the audit trail has it', async () => {
    const ips = addresses(10)
    for (let i = 0; i < 10; i++) {
      // Each wait is waited out, as a patient attacker would.
      const row = (await t.database.db.select().from(signInFailures)).find((r) => r.key.startsWith('account:'))
      if (row?.blockedUntil) t.clock.set(row.blockedUntil)
      await attempt(t.app, 'lena@example.com', `guess ${i}`, ips[i]!)
    }
    const row = (await t.database.db.select().from(signInFailures)).find((r) => r.key.startsWith('account:'))!
    assert.equal(row.failures, 10)
    const lockedAt = t.clock.now()
    assert.equal(row.blockedUntil!.getTime() - lockedAt.getTime(), 30 * 60_000)
    // Neither the email nor the address is kept: a hash of each.
    assert.ok(!JSON.stringify(await t.database.db.select().from(signInFailures)).match(/lena|198\.51/))

    const sent = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'staff-account-locked'))
    assert.equal(sent.length, 1)
    assert.equal(sent[0]!.recipientAddress, 'lena@example.com')
    assert.equal(sent[0]!.channel, 'email')
    assert.equal(sent[0]!.status, 'queued')
    assert.match(sent[0]!.body, /Hello Lena Marsh,/)
    assert.match(sent[0]!.body, /account 10 times with the wrong password or the wrong code/)
    assert.match(sent[0]!.subject, /^Your account is locked until Friday 27 November 2026 at \d{1,2}(:\d\d)?(am|pm)$/)

    // Each failure in the audit trail with its address, and the lock.
    const audit = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, lenaId))
    const failures = audit.filter((r) => r.action === 'sign-in.failed')
    assert.equal(failures.length, 10)
    assert.deepEqual(failures.map((r) => r.ip).sort(), [...ips].sort())
    assert.ok(failures.every((r) => r.after?.reason === 'password'))
    assert.equal(audit.filter((r) => r.action === 'staff.locked-out').length, 1)

    // The right password is refused until the lock ends; a colleague is not affected.
    t.clock.set(new Date(lockedAt.getTime() + 29 * 60_000))
    assert.match(errorOf(await attempt(t.app, 'lena@example.com', testPassword, '203.0.113.9')), /too many attempts/)
    assert.equal((await attempt(t.app, 'tomasz@example.com', testPassword, '203.0.113.9')).statusCode, 303)
    t.clock.set(new Date(lockedAt.getTime() + 30 * 60_000))
    assert.equal((await attempt(t.app, 'lena@example.com', testPassword, '203.0.113.9')).statusCode, 303)
    const later = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, lenaId))
    assert.equal(later.filter((r) => r.action === 'sign-in.failed' && r.after?.reason === 'locked').length, 1)
    assert.equal(later.filter((r) => r.action === 'sign-in.password-accepted').length, 1)
    // Only one email for the one lock.
    assert.equal(
      (await t.database.db.select().from(messages).where(eq(messages.templateKey, 'staff-account-locked'))).length,
      1,
    )
  })

  test('wrong codes at the second step count as wrong passwords do, however often the right password is typed', async () => {
    const samId = (await createStaff(t.database, 'sam@example.com', ['coordinator'], 'Sam Otter')).id
    const agent = new Agent(t.app)
    const wrongCode = () => (appCode(t.clock.now()) === '000000' ? '111111' : '000000')
    const accountRow = async () =>
      (await t.database.db.select().from(signInFailures)).find((r) => r.key.startsWith('account:'))
    const answers: string[] = []
    for (let i = 0; i < 10; i++) {
      const row = await accountRow()
      if (row?.blockedUntil) t.clock.set(row.blockedUntil) // each wait waited out
      // The right password each time: it never starts the count again.
      const password = await agent.submit('/sign-in', { email: 'sam@example.com', password: testPassword })
      assert.equal(password.headers.location, '/sign-in/second-factor', `the password, time ${i + 1}`)
      answers.push(errorOf(await agent.submit('/sign-in/second-factor', { code: wrongCode() })))
      if (i === 4) {
        // Told when to try again; until then even the right code is not taken.
        await forgetLastCode(t.database, 'sam@example.com')
        const right = await agent.post('/sign-in/second-factor', { code: appCode(t.clock.now()) })
        assert.equal(errorOf(right), tooMany('10:01am'))
        assert.match(String((await agent.get('/today')).headers.location), /^\/sign-in/, 'not signed in')
      }
    }
    const wrongCodeMessage = 'The code is not right. Enter the 6-digit code your authenticator app shows now'
    assert.deepEqual(answers.slice(0, 4), Array(4).fill(wrongCodeMessage))
    assert.ok(
      answers.slice(4).every((a) => a.startsWith('There have been too many attempts')),
      answers.join('\n'),
    )
    const row = (await accountRow())!
    assert.equal(row.failures, 10)
    const lockedAt = t.clock.now()
    assert.equal(row.blockedUntil!.getTime() - lockedAt.getTime(), 30 * 60_000)
    const sent = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.templateKey, 'staff-account-locked'), eq(messages.recipientAddress, 'sam@example.com')))
    assert.equal(sent.length, 1)
    assert.match(sent[0]!.body, /they knew your password/)
    const audit = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, samId))
    assert.equal(audit.filter((r) => r.action === 'sign-in.failed' && r.after?.reason === 'second-factor').length, 10)
    assert.equal(audit.filter((r) => r.action === 'staff.locked-out').length, 1)

    // Locked: the right password is refused; once the lock ends, signing in clears the count.
    assert.match(
      errorOf(await agent.submit('/sign-in', { email: 'sam@example.com', password: testPassword })),
      /too many/,
    )
    t.clock.set(row.blockedUntil!)
    await forgetLastCode(t.database, 'sam@example.com')
    await new Agent(t.app).signIn('sam@example.com')
    assert.equal(await accountRow(), undefined)
  })

  test('an email with no account gets the same answers, and nobody is emailed', async () => {
    const answers: string[] = []
    for (const ip of addresses(5)) answers.push(errorOf(await attempt(t.app, 'nobody@example.com', 'guess', ip)))
    assert.deepEqual(answers, [wrong, wrong, wrong, wrong, tooMany('10:01am')])
    const sent = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.templateKey, 'staff-account-locked'), eq(messages.recipientAddress, 'nobody@example.com')))
    assert.equal(sent.length, 0)
  })

  test('one address guessing at many accounts must wait after 30 failures; other addresses go on', async () => {
    for (let i = 0; i < 30; i++) {
      assert.equal(errorOf(await attempt(t.app, `someone${i}@example.com`, 'guess', '192.0.2.7')), wrong)
    }
    assert.equal(errorOf(await attempt(t.app, 'someone99@example.com', 'guess', '192.0.2.7')), tooMany('10:01am'))
    // Even a colleague with the right password, from that address, waits; from another they do not.
    assert.equal(errorOf(await attempt(t.app, 'tomasz@example.com', testPassword, '192.0.2.7')), tooMany('10:01am'))
    assert.equal((await attempt(t.app, 'tomasz@example.com', testPassword, '192.0.2.8')).statusCode, 303)
  })

  test('successful sign-ins from one office never count against it', async () => {
    const office = '203.0.113.50'
    for (let i = 0; i < 40; i++) {
      const who = i % 2 ? 'priya@example.com' : 'tomasz@example.com'
      assert.equal((await attempt(t.app, who, testPassword, office)).statusCode, 303, `sign-in ${i + 1}`)
    }
    // A few mistakes in the office cost nothing either.
    for (let i = 0; i < 3; i++) assert.equal(errorOf(await attempt(t.app, 'priya@example.com', 'typo', office)), wrong)
    assert.equal((await attempt(t.app, 'tomasz@example.com', testPassword, office)).statusCode, 303)
    // The three failures, at the account and at the address: none of the 41 successes.
    const rows = await t.database.db.select().from(signInFailures)
    assert.deepEqual(rows.map((r) => [r.key.split(':')[0], r.failures]).sort(), [
      ['account', 3],
      ['address', 3],
    ])
  })

  test('attempts sent at the same moment cannot slip past a wait', async () => {
    const answers = await Promise.all(
      addresses(20).map((ip) => attempt(t.app, 'tomasz@example.com', 'guess', ip).then(errorOf)),
    )
    assert.equal(answers.filter((a) => a === wrong).length, 4, answers.join('\n'))
    assert.equal(answers.filter((a) => a.startsWith('There have been too many')).length, 16)
    const [row] = (await t.database.db.select().from(signInFailures)).filter((r) => r.key.startsWith('account:'))
    assert.equal(row!.failures, 5)
  })

  test('failures are forgotten after a quiet spell, and the tidy task deletes them', async () => {
    for (const ip of addresses(4)) await attempt(t.app, 'priya@example.com', 'guess', ip)
    t.clock.set('2026-11-28T10:00:01Z') // a day and a second after the last
    await deleteForgottenSignInFailures(t.database.db, t.clock.now())
    assert.deepEqual(await t.database.db.select().from(signInFailures), [])
    for (const ip of addresses(4)) assert.equal(errorOf(await attempt(t.app, 'priya@example.com', 'guess', ip)), wrong)
  })

  test('a second instance on the same database counts with the first', async () => {
    const other = await buildApp({ config: t.config, database: t.database, clock: t.clock })
    after(() => other.close())
    const ips = addresses(5)
    for (let i = 0; i < 4; i++) await attempt(i % 2 ? other : t.app, 'priya@example.com', 'guess', ips[i]!)
    assert.equal(errorOf(await attempt(other, 'priya@example.com', 'guess', ips[4]!)), tooMany('10:01am'))
    assert.equal(errorOf(await attempt(t.app, 'priya@example.com', testPassword, ips[4]!)), tooMany('10:01am'))
  })
})
