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
