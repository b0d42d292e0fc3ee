// Sessions: a signed-in page that changes nothing in the session writes nothing, save its expiry at
// most once a minute; a session still ends after the idle time without a request, and not before.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { sessions } from '../../src/db/schema/index.ts'

describe('staff sessions', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 } })
    await createStaff(t.database, 'cora@example.com', ['coordinator'])
  })
  after(() => t.close())

  const expiry = async () => (await t.database.db.select().from(sessions)).map((s) => s.expiresAt.toISOString())
  const later = (minutes: number) => t.clock.set(new Date(t.clock.now().getTime() + minutes * 60_000))

  it('writes the session only when it changes, and its expiry at most once a minute', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    await t.database.db.delete(sessions)
    const cora = await new Agent(t.app).signIn('cora@example.com')
    await cora.get('/today')
    const [signedIn] = await expiry()
    assert.ok(signedIn! >= '2026-11-27T11:00:00.000Z', 'the idle time, from now')
    // Pages within the minute leave the row as it is.
    later(0.5)
    await cora.get('/cases')
    await cora.get('/today')
    assert.deepEqual(await expiry(), [signedIn])
    // A minute on, the next page moves the expiry on.
    later(1)
    assert.equal((await cora.get('/today')).statusCode, 200)
    const [moved] = await expiry()
    assert.ok(moved! > signedIn!)
    assert.equal(moved, new Date(t.clock.now().getTime() + 61 * 60_000).toISOString())
  })

  it('ends after the idle time without a request, and not before', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const cora = await new Agent(t.app).signIn('cora@example.com')
    later(59.9)
    assert.equal((await cora.get('/today')).statusCode, 200, 'just inside the hour')
    later(59.9)
    assert.equal((await cora.get('/today')).statusCode, 200, 'each request starts the hour again')
    later(30)
    assert.equal((await cora.get('/today')).statusCode, 200)
    later(61.1)
    const gone = await cora.get('/today')
    assert.equal(gone.statusCode, 303, 'an hour and a minute without a request')
    assert.match(gone.headers.location as string, /^\/sign-in/)
  })
})
