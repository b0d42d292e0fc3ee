// The database goes away for a while (test/postgres runs only against a PostgreSQL server, with
// DATABASE_URL: the embedded database lives in the process and cannot go away). Pages
// answer "try again shortly" with a 503 and Retry-After within seconds, /ready says not ready, and
// the app and its job runner recover by themselves when the database returns.
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
import { Agent } from '../helpers/agent.ts'
import { createStaff } from '../helpers/app.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp.ts'
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.ts'

const quiet = { info: () => {}, error: () => {} }

async function eventually<T>(what: string, attempt: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const result = await attempt().catch(() => undefined)
    if (result !== undefined) return result
    if (Date.now() > until) assert.fail(`${what} did not happen within ${ms / 1000} seconds`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

describe('when the database goes away and comes back', () => {
  let direct: { database: Database; drop(): Promise<void> }
  let proxy: TcpProxy
  let database: Database
  let app: FastifyInstance
  let smtp: TestSmtp
  let jobs: Jobs
  let staff: Agent

  before(async () => {
    direct = await openTestDatabase()
    await runMigrations(direct.database)
    const url = new URL(direct.database.url!)
    proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) })
    url.hostname = '127.0.0.1'
    url.port = String(proxy.port)
    database = await openDatabase({ url: url.toString() })
    smtp = await startSmtpServer()
    const config = testConfig({ SMTP_URL: smtp.url })
    app = await buildApp({ config, database, clock: systemClock })
    await createStaff(direct.database, 'coordinator@example.org', ['coordinator'])
    staff = await new Agent(app).signIn('coordinator@example.org')
    jobs = await startJobs({ database, config, clock: systemClock, logger: quiet, pollingIntervalSeconds: 0.5 })
  })
  after(async () => {
    await jobs?.stop().catch(() => {})
    await app?.close()
    await database?.close().catch(() => {})
    await proxy?.close()
    await smtp?.close()
    await direct?.drop()
  })

  it('answers pages with "try again shortly" (503, Retry-After), and /ready says not ready', async () => {
    assert.equal((await staff.get('/today')).statusCode, 200)
    proxy.cut()
    const page = await staff.get('/today')
    assert.equal(page.statusCode, 503)
    assert.equal(page.headers['retry-after'], '5')
    assert.match(page.body, /Try again in a few moments/)
    assert.doesNotMatch(page.body, /at .*\.ts:\d+/, 'no stack trace')
    const ready = await app.inject('/ready')
    assert.equal(ready.statusCode, 503)
    // The API answers the same as a problem (RFC 9457), not a page (a well-formed token needs the database).
    const call = await app.inject({
      url: '/api/v1/cases/PAR-0001',
      headers: { authorization: `Bearer parley_${'a'.repeat(43)}` },
    })
    assert.equal(call.statusCode, 503)
    assert.equal(call.headers['retry-after'], '5')
    assert.match(String(call.headers['content-type']), /^application\/problem\+json/)
    assert.equal(call.json().status, 503)
    const health = await app.inject('/health')
    assert.equal(health.statusCode, 200, health.body)
  })

  it('recovers by itself when the database returns, and the job runner delivers again', async () => {
    proxy.restore()
    await eventually('the page answering again', async () =>
      (await staff.get('/today')).statusCode === 200 ? true : undefined,
    )
    assert.equal((await app.inject('/ready')).statusCode, 200)
    const row = await queueOne(database.db, systemClock)
    const [mail] = await smtp.waitFor(1, 30_000)
    assert.equal(mail!.messageId, `<${row.id}@parley>`)
  })
})
