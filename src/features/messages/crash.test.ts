// A process that dies between committing a message and sending it, and another that takes over:
// every message arrives exactly once (counted by Message-ID at a real SMTP server).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { inArray } from 'drizzle-orm'
import { openTestDatabase } from '../../../test/helpers/database.ts'
import { startSmtpServer, type TestSmtp } from '../../../test/helpers/smtp.ts'
import { fixedClock } from '../../clock.ts'
import { openDatabase, type Database } from '../../db/client.ts'
import { runMigrations } from '../../db/migrate.ts'
import { messages } from '../../db/schema/index.ts'
import { deliverDueMessages } from './delivery.ts'
import { closeTransports, createTransports } from './transports.ts'

function runChild(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['test/fixtures/messages-crash-child.ts'], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (c: Buffer) => (output += c.toString()))
    child.stderr.on('data', (c: Buffer) => (output += c.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

describe('a crash between commit and send', () => {
  let smtp: TestSmtp
  let dir: string
  before(async () => {
    smtp = await startSmtpServer()
    dir = mkdtempSync(join(tmpdir(), 'parley-crash-'))
  })
  after(async () => {
    await smtp.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('loses nothing and sends nothing twice: the next process delivers what the dead one left', async () => {
    // PostgreSQL when DATABASE_URL is set; else the embedded database in a folder (the child must
    // have exited before this process opens it: one process at a time).
    let database: Database
    let drop: () => Promise<void>
    let env: Record<string, string>
    if (process.env.DATABASE_URL) {
      ;({ database, drop } = await openTestDatabase())
      await runMigrations(database)
      env = { PARLEY_DATABASE_URL: database.url!, SMTP_URL: smtp.url }
    } else {
      env = { PARLEY_DATA_DIR: join(dir, 'data'), SMTP_URL: smtp.url }
    }
    const child = await runChild(env)
    assert.equal(child.code, 9, child.output)
    const ids = (JSON.parse(child.output.split('\n')[0]!) as { queued: string[] }).queued
    assert.equal(ids.length, 3)
    assert.equal(smtp.received.length, 1, 'the first was sent before the crash')

    if (!process.env.DATABASE_URL) {
      database = await openDatabase({ dataDir: join(dir, 'data') })
      drop = () => database.close()
    }
    try {
      const rows = await database!.db.select().from(messages).where(inArray(messages.id, ids))
      assert.deepEqual(rows.map((r) => r.status).sort(), ['queued', 'sending', 'sent'])

      // The restarted worker: the claimed one waits for its lease; the rest go at once.
      // Just before the dead worker's lease ends, then once it has.
      const leaseEnds = rows.find((r) => r.status === 'sending')!.lockedUntil!
      const clock = fixedClock(new Date(leaseEnds.getTime() - 1000))
      const transports = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: 'Parley <no-reply@parley.example>' })
      try {
        assert.equal((await deliverDueMessages({ db: database!.db, clock, transports })).sent, 1)
        clock.set(leaseEnds)
        assert.equal((await deliverDueMessages({ db: database!.db, clock, transports })).sent, 1)
        assert.equal((await deliverDueMessages({ db: database!.db, clock, transports })).sent, 0)
      } finally {
        await closeTransports(transports)
      }
      await smtp.waitFor(3)
      const received = smtp.received.map((m) => m.messageId)
      assert.deepEqual(
        [...received].sort(),
        ids.map((id) => `<${id}@parley>`).sort(),
        'each message arrived exactly once',
      )
      const after = await database!.db.select().from(messages).where(inArray(messages.id, ids))
      assert.deepEqual(
        after.map((r) => r.status),
        ['sent', 'sent', 'sent'],
      )
    } finally {
      await drop!()
    }
  })
})
