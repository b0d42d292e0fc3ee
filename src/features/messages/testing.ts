// For tests of messages: a database of its own, messages queued as other areas queue them, and a
// real local HTTP server standing in for a text message provider.
import { createServer } from 'node:http'
import { eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Database, Db } from '../../db/client.ts'
import { caseParties } from '../../db/schema/index.ts'
import { refreshDeadlineIndex } from '../cases/index.ts'
import { makeCase } from '../cases/testing.ts'
import { queueMessage, type NewMessage } from './outbox.ts'
import { caseUpdateTemplate } from './general-templates.ts'

/** Queues a message in a transaction of its own, as a change elsewhere would. */
export async function queueOne(db: Db, clock: Clock, change: Partial<NewMessage> & { to?: NewMessage['to'] } = {}) {
  const row = await db.transaction((tx) =>
    queueMessage(tx, clock, {
      to: change.to ?? { name: 'Sarah Hartley', email: 'sarah@example.com', methods: ['email'] },
      template: change.template ?? caseUpdateTemplate,
      values: change.values ?? {
        name: 'Sarah Hartley',
        child: 'Amelia',
        reference: 'MED-2026-000001',
        update: 'We have written to the council.',
        'next-step': 'We will call you next week.',
      },
      ...change,
    }),
  )
  if (!row) throw new Error('the message was not queued')
  return row
}

export interface TestTextProvider {
  url: string
  received: { to: string; body: string; authorization?: string; idempotencyKey?: string }[]
  /** The next answers to give (status codes); then 200. */
  failNext(...statuses: number[]): void
  close(): Promise<void>
}

/** A real HTTP server that takes text messages as a provider would: POST JSON {to, body}. */
export async function startTextProvider(): Promise<TestTextProvider> {
  const received: TestTextProvider['received'] = []
  const failures: number[] = []
  let n = 0
  const server = createServer((req, res) => {
    let data = ''
    req.on('data', (chunk) => (data += chunk))
    req.on('end', () => {
      const status = failures.shift()
      if (status) {
        res.writeHead(status, { 'content-type': 'application/json' }).end('{"error":"try later"}')
        return
      }
      const json = JSON.parse(data) as { to: string; body: string }
      received.push({
        ...json,
        authorization: req.headers.authorization,
        idempotencyKey: req.headers['idempotency-key'] as string | undefined,
      })
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `sms-${++n}` }))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `http://127.0.0.1:${port}/messages`,
    received,
    failNext: (...statuses) => void failures.push(...statuses),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/**
 * A case (Friday 27 November 2026's test clock) whose people are reached three ways: Sarah Hartley
 * (parent) by email, the school by text message, and a grandparent carer by letter in large print.
 * The council has no contact details.
 */
export async function messagesCase(database: Database, clock: Clock) {
  const made = await makeCase(database, clock)
  await database.db.insert(caseParties).values([
    {
      caseId: made.id,
      role: 'school',
      name: 'Brookfield Primary School',
      organisation: 'Brookfield Primary School',
      phone: '07700 900123',
      contactPreferences: { methods: ['text'] },
    },
    {
      caseId: made.id,
      role: 'parent',
      name: 'Joan Hartley',
      contactPreferences: { methods: ['post'], address: '12 Orchard Close\nWarrington\nWA1 1AA' },
      adjustments: { kinds: ['large-print'] },
    },
  ])
  await database.db.transaction((tx) => refreshDeadlineIndex(tx, clock, made.id))
  const parties = await database.db.select().from(caseParties).where(eq(caseParties.caseId, made.id))
  const named = (name: string) => parties.find((p) => p.name === name)!
  return {
    ...made,
    parent: named('Sarah Hartley'),
    school: named('Brookfield Primary School'),
    carer: named('Joan Hartley'),
    council: parties.find((p) => p.role === 'local-authority')!,
  }
}
