import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { openTestDatabase } from '../../test/helpers/database.ts'
import { startSmtpServer, type TestSmtp } from '../../test/helpers/smtp.ts'
import { systemClock } from '../clock.ts'
import { testConfig } from '../config.ts'
import type { Database } from '../db/client.ts'
import { runMigrations } from '../db/migrate.ts'
import { messages } from '../db/schema/index.ts'
import { queueOne } from '../features/messages/testing.ts'
import { startJobs, type Jobs } from './index.ts'
import { DELIVER_MESSAGES, periodicTasks } from './schedule.ts'

const quiet = { info: () => {}, error: (details: object, message: string) => console.error(message, details) }

describe('the job runner (pg-boss, in the same database)', () => {
  let database: Database
  let drop: () => Promise<void>
  let smtp: TestSmtp
  let jobs: Jobs | undefined

  before(async () => {
    ;({ database, drop } = await openTestDatabase())
    await runMigrations(database)
    smtp = await startSmtpServer()
  })
  after(async () => {
    await jobs?.stop()
    await smtp.close()
    await drop()
  })

  it('has one list of periodic tasks, with the outbox in it', () => {
    assert.ok(periodicTasks.some((t) => t.name === DELIVER_MESSAGES && t.everySeconds <= 10))
    assert.equal(new Set(periodicTasks.map((t) => t.name)).size, periodicTasks.length, 'task names are unique')
  })

  it(`delivers a queued message through SMTP on its own, on ${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, async () => {
    const config = testConfig({ SMTP_URL: smtp.url, MAIL_FROM: 'Parley <no-reply@parley.example>' })
    jobs = await startJobs({ database, config, clock: systemClock, logger: quiet, pollingIntervalSeconds: 0.5 })
    const row = await queueOne(database.db, systemClock)
    const [mail] = await smtp.waitFor(1, 20_000)
    assert.equal(mail!.messageId, `<${row.id}@parley>`)
    assert.equal(mail!.subject, 'An update about your request for help: MED-2026-000001')
    // The row is marked once the server has it.
    for (let i = 0; i < 100; i++) {
      const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      if (now!.status === 'sent') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
    assert.equal(now!.status, 'sent')

    // Asking again sends nothing more.
    await jobs.kick(DELIVER_MESSAGES)
    const second = await queueOne(database.db, systemClock, { to: { name: 'Tom Hartley', email: 'tom@example.com' } })
    await jobs.kick(DELIVER_MESSAGES)
    await smtp.waitFor(2, 20_000)
    await jobs.stop()
    jobs = undefined
    assert.deepEqual(
      smtp.received.map((m) => m.messageId),
      [`<${row.id}@parley>`, `<${second.id}@parley>`],
    )
  })
})
