// Two instances of Parley on one PostgreSQL database, as a deployment with more than one server
// runs: a session started on one works on the other (its second step too), the outbox sends each
// message once, a periodic task runs once however many instances ask, and rate limits count across both.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/app.ts'
import { systemClock } from '../../src/clock.ts'
import { testConfig } from '../../src/config.ts'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { queueOne } from '../../src/features/messages/testing.ts'
import { startJobs, type Jobs } from '../../src/jobs/index.ts'
import type { PeriodicTask } from '../../src/jobs/schedule.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { appCode } from '../helpers/second-factor.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp.ts'

const quiet = { info: () => {}, error: () => {} }

describe('two instances on one database', () => {
  let made: { database: Database; drop(): Promise<void> }
  let second: Database
  let one: FastifyInstance
  let two: FastifyInstance
  let smtp: TestSmtp
  const runners: Jobs[] = []

  before(async () => {
    made = await openTestDatabase()
    await runMigrations(made.database)
    second = await openDatabase({ url: made.database.url! }) // its own connection pool, as another server has
    smtp = await startSmtpServer()
    const config = testConfig({ SMTP_URL: smtp.url })
    one = await buildApp({ config, database: made.database, clock: systemClock })
    two = await buildApp({ config, database: second, clock: systemClock })
    await createStaff(made.database, 'coordinator@example.org', ['coordinator'])
  })
  after(async () => {
    for (const jobs of runners) await jobs.stop()
    await one.close()
    await two.close()
    await second.close()
    await smtp.close()
    await made.drop()
  })

  it('keeps a session started on one instance working on the other', async () => {
    const form = await one.inject('/sign-in')
    const cookie = form.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const csrf = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!
    const signedIn = await one.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: csrf,
        email: 'coordinator@example.org',
        password: testPassword,
      }).toString(),
    })
    assert.equal(signedIn.statusCode, 303)
    const halfway = signedIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    // The second step on the other instance, with the authenticator app's code now.
    const step = await two.inject({ url: '/sign-in/second-factor', headers: { cookie: halfway } })
    assert.equal(step.statusCode, 200)
    const answered = await two.inject({
      method: 'POST',
      url: '/sign-in/second-factor',
      headers: { cookie: halfway, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        _csrf: /name="_csrf" value="([^"]+)"/.exec(step.body)![1]!,
        code: appCode(new Date()),
      }).toString(),
    })
    assert.equal(answered.statusCode, 303)
    const session = answered.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
    const elsewhere = await one.inject({ url: '/today', headers: { cookie: session } })
    assert.equal(elsewhere.statusCode, 200)
    assert.match(elsewhere.body, /Sign out/)
  })

  it('sends each message once, with both instances delivering', async () => {
    const config = testConfig({ SMTP_URL: smtp.url })
    for (const database of [made.database, second]) {
      runners.push(
        await startJobs({ database, config, clock: systemClock, logger: quiet, pollingIntervalSeconds: 0.5 }),
      )
    }
    const queued = []
    for (let i = 0; i < 20; i++) {
      queued.push(
        await queueOne(made.database.db, systemClock, { to: { name: `Person ${i}`, email: `p${i}@example.com` } }),
      )
    }
    await smtp.waitFor(20, 60_000)
    await new Promise((resolve) => setTimeout(resolve, 2_000)) // time for any second copy to arrive
    const ids = smtp.received.map((m) => m.messageId).sort()
    assert.deepEqual(ids, queued.map((m) => `<${m.id}@parley>`).sort())
  })

  it('runs a task once when both instances ask for it at the same moment', async () => {
    let runs = 0
    const slow: PeriodicTask = {
      name: 'count-runs-test',
      everySeconds: 3600, // only the asks below start it
      run: async () => {
        runs++
        await new Promise((resolve) => setTimeout(resolve, 1_500))
      },
    }
    const config = testConfig()
    const pair = [
      await startJobs({
        database: made.database,
        config,
        clock: systemClock,
        logger: quiet,
        tasks: [slow],
        pollingIntervalSeconds: 0.5,
      }),
      await startJobs({
        database: second,
        config,
        clock: systemClock,
        logger: quiet,
        tasks: [slow],
        pollingIntervalSeconds: 0.5,
      }),
    ]
    runners.push(...pair)
    // Each runner asks once as it starts: one slot, so one run between them.
    await new Promise((resolve) => setTimeout(resolve, 4_000))
    assert.equal(runs, 1)
  })

  it('counts rate limits across both instances', async () => {
    // The portal's text-code form allows 10 attempts from one address in 15 minutes. (Staff
    // sign-in counts failures per account and address instead: features/auth/sign-in/lockout.test.ts.)
    const attempt = (app: FastifyInstance) =>
      app.inject({
        method: 'POST',
        url: '/portal/sign-in/code',
        payload: 'code=123456',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '203.0.113.9' },
        remoteAddress: '203.0.113.9',
      })
    const statuses = []
    for (let i = 0; i < 11; i++) statuses.push((await attempt(i % 2 ? one : two)).statusCode)
    assert.equal(statuses.filter((s) => s === 429).length, 1, statuses.join(', '))
    assert.equal(statuses.at(-1), 429)
  })
})
