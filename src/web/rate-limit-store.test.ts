// Rate limits are counted in the database: two instances of the app on one database count the
// same requests together, and a window that has ended starts again.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { FastifyInstance } from 'fastify'
import { openTestDatabase } from '../../test/helpers/database.ts'
import { buildApp } from '../app.ts'
import { fixedClock } from '../clock.ts'
import { testConfig } from '../config.ts'
import type { Database } from '../db/client.ts'
import { runMigrations } from '../db/migrate.ts'
import { rateLimits } from '../db/schema/index.ts'
import { deleteEndedRateLimits } from './rate-limit-store.ts'

describe('rate limits held in the database', () => {
  let database: Database
  let drop: () => Promise<void>
  let one: FastifyInstance
  let two: FastifyInstance
  const clock = fixedClock('2026-11-27T10:00:00Z')
  // The portal's text-code form allows 10 attempts from one address in 15 minutes.
  const attempt = (app: FastifyInstance) =>
    app.inject({
      method: 'POST',
      url: '/portal/sign-in/code',
      payload: 'code=123456',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })

  before(async () => {
    ;({ database, drop } = await openTestDatabase())
    await runMigrations(database)
    one = await buildApp({ config: testConfig(), database, clock })
    two = await buildApp({ config: testConfig(), database, clock })
  })
  after(async () => {
    await one.close()
    await two.close()
    await drop()
  })

  it('counts the requests made to both instances together', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 10; i++) statuses.push((await attempt(i % 2 ? one : two)).statusCode)
    assert.ok(!statuses.includes(429), `refused too soon: ${statuses.join(', ')}`)
    assert.equal((await attempt(one)).statusCode, 429)
    assert.equal((await attempt(two)).statusCode, 429)
  })

  it('starts again when the window has ended, and forgets ended windows', async () => {
    clock.set('2026-11-27T10:16:00Z')
    assert.notEqual((await attempt(one)).statusCode, 429)
    clock.set('2026-11-27T10:40:00Z')
    await deleteEndedRateLimits(database.db, clock)
    assert.deepEqual(await database.db.select().from(rateLimits), [])
  })
})
