// The log: readable lines in development, JSON in production, and one line per request.
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import pino from 'pino'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../src/app.ts'
import { fixedClock } from '../src/clock.ts'
import { testConfig } from '../src/config.ts'
import { loggerOptions } from '../src/logger.ts'
import { caseParties } from '../src/db/schema/index.ts'
import { latestLink, portalCases, signInAsParty } from '../src/features/portal/testing.ts'
import { Agent } from './helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from './helpers/app.ts'
import { openTestDatabase } from './helpers/database.ts'

describe('the log', () => {
  it('is pretty in development (when pino-pretty is installed), JSON in production and tests', () => {
    const dev = loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'development' }, true)
    assert.equal((dev.transport as { target: string }).target, 'pino-pretty')
    assert.equal(loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'development' }, false).transport, undefined)
    assert.equal(loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'production' }, true).transport, undefined)
    assert.equal(loggerOptions({ LOG_LEVEL: 'warn', NODE_ENV: 'test' }, true).transport, undefined)
    assert.deepEqual(loggerOptions({ LOG_LEVEL: 'warn', NODE_ENV: 'production' }).redact, [
      'req.headers.cookie',
      'req.headers.authorization',
    ])
  })

  describe('of requests', () => {
    const lines: Record<string, unknown>[] = []
    let app: FastifyInstance
    let drop: () => Promise<void>
    before(async () => {
      const opened = await openTestDatabase()
      drop = opened.drop
      const stream = new Writable({
        write(chunk, _encoding, done) {
          for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line))
          done()
        },
      })
      const logger = pino({ level: 'info' }, stream)
      app = await buildApp(
        { config: testConfig(), database: opened.database, clock: fixedClock('2026-11-27T10:00:00Z') },
        logger,
      )
      await app.ready()
    })
    after(async () => {
      await app.close()
      await drop()
    })

    it('writes one JSON line per request, without the query string', async () => {
      lines.length = 0
      const res = await app.inject({ method: 'GET', url: '/health?code=secret-one-time-code' })
      assert.equal(res.statusCode, 200)
      const requests = lines.filter((l) => l.path !== undefined)
      assert.equal(requests.length, 1, JSON.stringify(lines))
      const [line] = requests
      assert.equal(line!.msg, `GET /health 200 ${line!.ms} ms`)
      assert.deepEqual([line!.method, line!.path, line!.status], ['GET', '/health', 200])
      assert.ok(!JSON.stringify(lines).includes('secret-one-time-code'))
    })
  })
})

describe('no secret or personal data in the log', () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean))
      done()
    },
  })
  // The options the server logs with (src/logger.ts), at the most it says.
  const logger = pino({ ...loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'production' }), level: 'trace' }, stream)
  let t: TestApp
  let failing: FastifyInstance
  let dropFailing: () => Promise<void>
  before(async () => {
    t = await createTestApp({ logger })
    await createStaff(t.database, 'priya@example.com', ['coordinator'], 'Priya Okafor')
    // An app with a page whose insert fails, as a bug would make one fail: a party of a case that is not there.
    const opened = await openTestDatabase()
    dropFailing = opened.drop
    failing = await buildApp({ config: testConfig(), database: opened.database, clock: t.clock }, logger)
    failing.get('/test-only/failing-insert', { config: { access: 'public' } }, async () => {
      await opened.database.db.insert(caseParties).values({
        caseId: '00000000-0000-4000-8000-000000000000',
        role: 'parent',
        name: 'Hana Childsname',
        email: 'hana.parent@example.com',
      })
    })
    await failing.ready()
  })
  after(async () => {
    await failing.close()
    await dropFailing()
    await t.close()
  })

  it('a failed insert is logged with its SQL, never the values it was given', async () => {
    lines.length = 0
    const res = await failing.inject({ url: '/test-only/failing-insert' })
    assert.equal(res.statusCode, 500)
    const log = lines.join('\n')
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.err)
    assert.match(logged.err.query, /^insert into "case_parties"/, 'the SQL is there, to find the bug by')
    assert.equal(logged.err.params, undefined)
    assert.match(log, /foreign key/, "the database's reason is there")
    for (const secret of ['Hana Childsname', 'hana.parent@example.com', '00000000-0000-4000-8000-000000000000'])
      assert.ok(!log.includes(secret), `${secret} is not in the log`)
  })

  it('a sign-in journey, staff and portal, leaves no password, code or link token in the log', async () => {
    lines.length = 0
    const typed = ['a wrong password tried', testPassword, 'a new passphrase for the canal boat']
    const staff = new Agent(t.app)
    await staff.submit('/sign-in', { email: 'priya@example.com', password: typed[0]! })
    await staff.signIn('priya@example.com')
    await staff.submit('/account/password', { current: testPassword, password: typed[2]!, confirm: typed[2]! })
    await staff.get('/today')
    await staff.post('/sign-out')

    const made = await portalCases(t)
    const party = await signInAsParty(t, made.parent.email!)
    assert.equal((await party.get('/portal')).statusCode, 200)
    const link = await latestLink(t, made.parent.email!)
    const token = link.split('/').pop()!

    const log = lines.join('\n')
    assert.ok(lines.length > 10, 'the requests were logged')
    assert.match(log, /"path":"\/portal\/sign-in\/\[redacted\]"/)
    for (const secret of [...typed, token, encodeURIComponent(token)])
      assert.ok(!log.includes(secret), `${secret.slice(0, 12)}... is not in the log`)
    assert.ok(!/parley\.sid=|"cookie"/.test(log), 'no session cookie')
  })
})
