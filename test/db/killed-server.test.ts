// kill -9 the server while enquiries stream in, then start it again at once: every enquiry that
// was acknowledged is there, exactly once, and a retry with the same Idempotency-Key makes
// nothing twice (on the embedded database the restart also takes over the dead process's lock).
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { like, sql } from 'drizzle-orm'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { cases } from '../../src/db/schema/index.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { cli, serverEnv, startServer, type ServerProcess } from '../helpers/server-process.ts'

const enquiry = {
  channel: 'email',
  requester: { role: 'parent', name: 'Sarah Hartley' },
  child: { name: 'Amelia Hartley', dateOfBirth: '2015-03-14', setting: 'Oakwood Primary School', postcode: 'WA1 1AA' },
  ehcStatus: 'has-plan',
  areas: ['provision'],
  otherParties: [{ kind: 'school', name: 'Oakwood Primary School' }],
  whatHappened: 'The support in the plan is not happening.',
  contact: { methods: ['email'], email: 'sarah@example.com' },
}

describe('a server killed while enquiries arrive', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'parley-killed-'))
  let made: { database: Database; drop(): Promise<void> } | undefined
  const servers: ServerProcess[] = []
  after(async () => {
    for (const server of servers) await server.kill().catch(() => {})
    await made?.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('keeps every acknowledged enquiry once, and a retry makes nothing twice', { timeout: 120_000 }, async () => {
    if (process.env.DATABASE_URL) made = await openTestDatabase()
    const where = made ? { url: made.database.url! } : { dataDir: path.join(folder, 'data') }
    const env = serverEnv(where)
    const token = cli(env, 'create-api-token', '--name', 'Fault test', '--authority', 'warrington')
      .trim()
      .split('\n')
      .at(-1)!
    const send = (url: string, key: string) =>
      fetch(`${url}/api/v1/enquiries`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify(enquiry),
      })

    const first = await startServer(env)
    servers.push(first)
    const sent = new Set<string>()
    const acknowledged = new Map<string, string>()
    let killed = false
    const worker = async () => {
      while (!killed) {
        const key = randomUUID()
        sent.add(key)
        try {
          const res = await send(first.url, key)
          if (res.status === 201) acknowledged.set(key, ((await res.json()) as { reference: string }).reference)
        } catch {
          return // the server is gone
        }
        if (acknowledged.size >= 40 && !killed) {
          killed = true
          await first.kill() // with the other workers' requests still in flight
        }
      }
    }
    await Promise.all(Array.from({ length: 6 }, worker))
    assert.ok(acknowledged.size >= 40)

    const second = await startServer(env)
    servers.push(second)
    for (const [key, reference] of acknowledged) {
      const retry = await send(second.url, key)
      assert.equal(retry.status, 200, `the acknowledged enquiry ${key} is found again, not made again`)
      assert.equal(((await retry.json()) as { reference: string }).reference, reference)
    }
    for (const key of sent) {
      if (acknowledged.has(key)) continue
      assert.ok([200, 201].includes((await send(second.url, key)).status), 'an unanswered one can be sent again')
    }
    assert.equal(await second.stop(), 0)

    const database = made ? made.database : await openDatabase({ dataDir: where.dataDir! })
    try {
      const rows = await database.db
        .select({ key: cases.submissionKey, n: sql<number>`count(*)::int` })
        .from(cases)
        .where(like(cases.submissionKey, 'api:%'))
        .groupBy(cases.submissionKey)
      assert.equal(rows.length, sent.size, 'one case for each key sent, after the retries')
      assert.ok(
        rows.every((r) => r.n === 1),
        'and never two',
      )
      const keys = new Set(rows.map((r) => r.key!.split(':').at(-1)))
      for (const key of acknowledged.keys()) assert.ok(keys.has(key))
    } finally {
      if (!made) await database.close()
    }
  })
})
