import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { openTestDatabase } from '../../../test/helpers/database.ts'
import { startSmtpServer } from '../../../test/helpers/smtp.ts'
import { fixedClock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { runMigrations } from '../../db/migrate.ts'
import { messages } from '../../db/schema/index.ts'
import { backoffSeconds, deliverDueMessages, LEASE_SECONDS, MAX_ATTEMPTS } from './delivery.ts'
import { closeTransports, createTransports, smtpTransport } from './transports.ts'
import { queueOne, startTextProvider } from './testing.ts'

const from = 'Parley <no-reply@parley.example>'

async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('delivering the outbox', () => {
  let database: Database
  let drop: () => Promise<void>
  const clock = fixedClock('2026-11-27T10:00:00Z')

  before(async () => {
    ;({ database, drop } = await openTestDatabase())
    await runMigrations(database)
  })
  after(() => drop())
  beforeEach(async () => {
    clock.set('2026-11-27T10:00:00Z')
    await database.db.delete(messages)
  })

  it('sends an email through a real SMTP conversation: recipient, subject, body, attachment and a stable Message-ID', async () => {
    const smtp = await startSmtpServer()
    const transports = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: from })
    try {
      const row = await queueOne(database.db, clock, {
        attachments: [
          {
            filename: 'invitation.ics',
            contentType: 'text/calendar',
            content: Buffer.from('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n').toString('base64'),
          },
        ],
      })
      const report = await deliverDueMessages({ db: database.db, clock, transports })
      assert.deepEqual(report, { sent: 1, retrying: 0, failed: 0, kept: 0 })
      const [mail] = await smtp.waitFor(1)
      assert.deepEqual(mail!.to && !Array.isArray(mail!.to) ? mail!.to.value : [], [
        { address: 'sarah@example.com', name: 'Sarah Hartley' },
      ])
      assert.equal(mail!.from?.value[0]?.address, 'no-reply@parley.example')
      assert.equal(mail!.subject, 'An update about your request for help: MED-2026-000001')
      assert.match(mail!.text ?? '', /Dear Sarah Hartley,/)
      assert.match(mail!.text ?? '', /We have written to the council\./)
      assert.match(mail!.text ?? '', /What happens next: We will call you next week\./)
      assert.equal(mail!.messageId, `<${row.id}@parley>`)
      assert.equal(mail!.attachments.length, 1)
      assert.equal(mail!.attachments[0]!.filename, 'invitation.ics')
      assert.equal(mail!.attachments[0]!.contentType, 'text/calendar')
      assert.equal(mail!.attachments[0]!.content.toString(), 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n')

      const [after] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      assert.equal(after!.status, 'sent')
      assert.equal(after!.attempts, 1)
      assert.equal(after!.sentAt?.toISOString(), '2026-11-27T10:00:00.000Z')
      assert.equal(after!.lockedUntil, null)
      // Nothing is sent twice.
      assert.deepEqual(await deliverDueMessages({ db: database.db, clock, transports }), {
        sent: 0,
        retrying: 0,
        failed: 0,
        kept: 0,
      })
      assert.equal(smtp.received.length, 1)
    } finally {
      await closeTransports(transports)
      await smtp.close()
    }
  })

  it('keeps messages in the outbox when the server is down, and delivers each once when it is back', async () => {
    const port = await freePort()
    const transports = { email: smtpTransport(`smtp://127.0.0.1:${port}`, from) }
    const rows = [
      await queueOne(database.db, clock),
      await queueOne(database.db, clock, { to: { name: 'Tom Hartley', email: 'tom@example.com' } }),
    ]

    const first = await deliverDueMessages({ db: database.db, clock, transports })
    assert.deepEqual(first, { sent: 0, retrying: 2, failed: 0, kept: 0 })
    const waiting = await database.db.select().from(messages)
    for (const m of waiting) {
      assert.equal(m.status, 'queued')
      assert.equal(m.attempts, 1)
      assert.match(m.lastError ?? '', /ECONNREFUSED|connect/i)
      assert.equal(m.nextAttemptAt.toISOString(), '2026-11-27T10:01:00.000Z')
    }
    // Not due yet: nothing is tried.
    assert.deepEqual(await deliverDueMessages({ db: database.db, clock, transports }), {
      sent: 0,
      retrying: 0,
      failed: 0,
      kept: 0,
    })

    const smtp = await startSmtpServer(port)
    try {
      clock.set('2026-11-27T10:01:00Z')
      assert.deepEqual(await deliverDueMessages({ db: database.db, clock, transports }), {
        sent: 2,
        retrying: 0,
        failed: 0,
        kept: 0,
      })
      await smtp.waitFor(2)
      assert.deepEqual(smtp.received.map((m) => m.messageId).sort(), rows.map((r) => `<${r.id}@parley>`).sort())
      clock.set('2026-11-27T12:00:00Z')
      await deliverDueMessages({ db: database.db, clock, transports })
      assert.equal(smtp.received.length, 2)
    } finally {
      transports.email.close?.()
      await smtp.close()
    }
  })

  it('backs off exponentially and gives up after the last attempt', async () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map(backoffSeconds), [60, 120, 240, 480, 960, 1920, 3840, 7200, 7200])
    const port = await freePort()
    const transports = { email: smtpTransport(`smtp://127.0.0.1:${port}`, from) }
    const row = await queueOne(database.db, clock)
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const report = await deliverDueMessages({ db: database.db, clock, transports })
      const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      assert.equal(now!.attempts, attempt)
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(report.retrying, 1)
        assert.equal(now!.status, 'queued')
        clock.set(now!.nextAttemptAt)
      } else {
        assert.equal(report.failed, 1)
        assert.equal(now!.status, 'failed')
      }
    }
    transports.email.close?.()
  })

  it('gives up at once when the server refuses the recipient for good', async () => {
    const smtp = await startSmtpServer()
    const transports = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: from })
    try {
      const row = await queueOne(database.db, clock, { to: { name: 'Nobody', email: 'nobody@invalid' } })
      // The test server accepts everyone; refuse this one the way a real server would.
      const original = transports.email!.send
      transports.email!.send = async (m) => {
        if (m.recipientAddress === 'nobody@invalid') {
          const { PermanentDeliveryError } = await import('./transports.ts')
          throw new PermanentDeliveryError('550 No such user')
        }
        return original(m)
      }
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).failed, 1)
      const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      assert.equal(now!.status, 'failed')
      assert.match(now!.lastError ?? '', /550 No such user/)
    } finally {
      await closeTransports(transports)
      await smtp.close()
    }
  })

  it('keeps email, texts and letters in the outbox when there is no way to send them', async () => {
    await queueOne(database.db, clock)
    await queueOne(database.db, clock, { to: { name: 'Tom', phone: '07700 900123', methods: ['text'] } })
    await queueOne(database.db, clock, {
      to: { name: 'Ann', address: '1 High Street\nWarrington\nWA1 1AA', methods: ['post'] },
    })
    assert.deepEqual(await deliverDueMessages({ db: database.db, clock, transports: {} }), {
      sent: 0,
      retrying: 0,
      failed: 0,
      kept: 3,
    })
    const rows = await database.db.select().from(messages)
    assert.deepEqual(
      rows.map((r) => r.status),
      ['kept', 'kept', 'kept'],
    )
    assert.deepEqual(
      rows.map((r) => r.attempts),
      [0, 0, 0],
    )
  })

  it('sends a text message through an HTTP provider: JSON {to, body}, a bearer token, retried after a 503', async () => {
    const provider = await startTextProvider()
    const transports = createTransports({
      MAIL_FROM: from,
      SMS_PROVIDER_URL: provider.url,
      SMS_PROVIDER_TOKEN: 'secret-token',
    })
    try {
      const row = await queueOne(database.db, clock, {
        to: { name: 'Tom Hartley', phone: '07700 900123', email: 'tom@example.com', methods: ['text'] },
      })
      assert.equal(row.channel, 'text')
      provider.failNext(503)
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).retrying, 1)
      clock.set('2026-11-27T10:05:00Z')
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).sent, 1)
      assert.equal(provider.received.length, 1)
      assert.equal(provider.received[0]!.to, '07700 900123')
      assert.match(provider.received[0]!.body, /We have written to the council\./)
      assert.equal(provider.received[0]!.authorization, 'Bearer secret-token')
      assert.equal(provider.received[0]!.idempotencyKey, row.id)
      const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      assert.equal(now!.status, 'sent')
      assert.equal(now!.providerReference, 'sms-1')
      assert.equal(now!.attempts, 2)
    } finally {
      await provider.close()
    }
  })

  it('gives up on a text message the provider refuses as bad (400), without trying again', async () => {
    const provider = await startTextProvider()
    try {
      const transports = createTransports({ MAIL_FROM: from, SMS_PROVIDER_URL: provider.url })
      const row = await queueOne(database.db, clock, {
        to: { name: 'Tom Hartley', phone: 'not a number', methods: ['text'] },
      })
      provider.failNext(400)
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).failed, 1)
      const [now] = await database.db.select().from(messages).where(eq(messages.id, row.id))
      assert.equal(now!.status, 'failed')
      assert.match(now!.lastError ?? '', /answered 400/)
    } finally {
      await provider.close()
    }
  })

  it('takes back a message whose worker stopped while sending, once its lease has passed', async () => {
    const smtp = await startSmtpServer()
    const transports = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: from })
    try {
      const row = await queueOne(database.db, clock)
      // A worker claimed it, then died.
      await database.db
        .update(messages)
        .set({ status: 'sending', attempts: 1, lockedUntil: new Date(clock.now().getTime() + LEASE_SECONDS * 1000) })
        .where(eq(messages.id, row.id))
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).sent, 0)
      clock.set(new Date(clock.now().getTime() + LEASE_SECONDS * 1000))
      assert.equal((await deliverDueMessages({ db: database.db, clock, transports })).sent, 1)
      await smtp.waitFor(1)
      assert.equal(smtp.received[0]!.messageId, `<${row.id}@parley>`)
    } finally {
      await closeTransports(transports)
      await smtp.close()
    }
  })

  it('sends each message once when two workers deliver at the same time', async () => {
    const smtp = await startSmtpServer()
    const a = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: from })
    const b = createTransports({ SMTP_URL: smtp.url, MAIL_FROM: from })
    try {
      const rows = []
      for (let i = 0; i < 12; i++)
        rows.push(await queueOne(database.db, clock, { to: { name: `Person ${i}`, email: `person${i}@example.com` } }))
      const [one, two] = await Promise.all([
        deliverDueMessages({ db: database.db, clock, transports: a }),
        deliverDueMessages({ db: database.db, clock, transports: b }),
      ])
      assert.equal(one.sent + two.sent, 12)
      await smtp.waitFor(12)
      const ids = smtp.received.map((m) => m.messageId)
      assert.equal(new Set(ids).size, 12)
      assert.deepEqual([...ids].sort(), rows.map((r) => `<${r.id}@parley>`).sort())
      if (database.kind === 'postgres')
        assert.ok(one.sent > 0 && two.sent > 0, `both workers sent some (${one.sent} and ${two.sent})`)
    } finally {
      await closeTransports(a)
      await closeTransports(b)
      await smtp.close()
    }
  })
})
