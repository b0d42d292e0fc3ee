// kill -9 the server while it is sending a message (its mail server has taken the connection and
// not answered), then start it again: the message goes within the lease (two minutes by default,
// 10 seconds here), exactly once, although the dead process's delivery job was left running.
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { systemClock } from '../../src/clock.ts'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { queueOne } from '../../src/features/messages/testing.ts'
import { openTestDatabase } from '../helpers/database.ts'
import { serverEnv, startServer, type ServerProcess } from '../helpers/server-process.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp.ts'

/** A mail server that takes connections and never says a word: a send hangs there. */
async function silentMailServer() {
  const sockets: net.Socket[] = []
  let resolveFirst: () => void
  const connected = new Promise<void>((resolve) => (resolveFirst = resolve))
  const server = net.createServer((socket) => {
    sockets.push(socket)
    socket.on('error', () => {})
    resolveFirst()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `smtp://127.0.0.1:${(server.address() as net.AddressInfo).port}`,
    connected,
    close: () => {
      for (const s of sockets) s.destroy()
      return new Promise((resolve) => server.close(resolve))
    },
  }
}

describe('a server killed while it sends a message', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'parley-sending-'))
  const servers: ServerProcess[] = []
  let made: { database: Database; drop(): Promise<void> } | undefined
  let smtp: TestSmtp | undefined
  after(async () => {
    for (const server of servers) await server.kill().catch(() => {})
    await smtp?.close()
    await made?.drop()
    rmSync(folder, { recursive: true, force: true })
  })

  it('sends it again after the lease, once', { timeout: 150_000 }, async () => {
    if (process.env.DATABASE_URL) made = await openTestDatabase()
    const where = made ? { url: made.database.url! } : { dataDir: path.join(folder, 'data') }
    // The message is queued (committed) before the server starts.
    const queuing = made ? made.database : await openDatabase({ dataDir: where.dataDir! })
    await runMigrations(queuing)
    const row = await queueOne(queuing.db, systemClock)
    if (!made) await queuing.close()

    const timings = { MESSAGE_LEASE_SECONDS: '10', JOB_HEARTBEAT_SECONDS: '10' }
    const silent = await silentMailServer()
    const first = await startServer(serverEnv(where, { ...timings, SMTP_URL: silent.url }))
    servers.push(first)
    await silent.connected // the message is claimed and its sending has begun
    await first.kill()
    await silent.close()

    smtp = await startSmtpServer()
    const second = await startServer(serverEnv(where, { ...timings, SMTP_URL: smtp.url }))
    servers.push(second)
    const [mail] = await smtp.waitFor(1, 120_000)
    assert.equal(mail!.messageId, `<${row.id}@parley>`)
    await new Promise((resolve) => setTimeout(resolve, 3_000)) // time for a second copy, if one were coming
    assert.equal(smtp.received.length, 1)
  })
})
