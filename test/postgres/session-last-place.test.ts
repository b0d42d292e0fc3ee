// The last places on an information session, taken at the same moment by many people on a real
// PostgreSQL server (a pool of connections, so the bookings truly overlap; test/postgres runs only
// with DATABASE_URL): each place goes to one person, the others hear "now full"; the same form
// sent many times at once books once; and two browsers on "Check your answers" for the last place
// get one place and one clear "now full" with the waiting list offered.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { infoSessionBookings, messages } from '../../src/db/schema/index.ts'
import {
  createBookingService,
  depsOf,
  makeSession,
  toCheck,
  type BookingInput,
} from '../../src/features/sessions/testing.ts'
import { firstCouncilId } from '../../src/features/cases/testing.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { html } from '../helpers/html.ts'

const person = (i: number): BookingInput => ({
  name: `Person ${i}`,
  channel: 'email',
  email: `person${i}@example.com`,
  phone: '',
  adjustments: '',
  want: 'place',
})

describe('the last places on a session, taken at once (PostgreSQL)', () => {
  let t: TestApp
  let council: string
  let staffId: string

  const booked = (sessionId: string) =>
    t.database.db
      .select()
      .from(infoSessionBookings)
      .where(and(eq(infoSessionBookings.sessionId, sessionId), eq(infoSessionBookings.status, 'booked')))

  before(async () => {
    t = await createTestApp()
    assert.equal(t.database.kind, 'postgres', 'this test needs DATABASE_URL')
    council = await firstCouncilId(t.database)
    staffId = (await createStaff(t.database, 'cora@example.com', ['coordinator'])).id
  })
  after(() => t.close())

  it('gives 3 places to 3 of 12 people booking at once; the other 9 hear it is now full', async () => {
    const sessionId = await makeSession(t, council, staffId, { capacity: 3 })
    const service = createBookingService(depsOf(t))
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => service.book('warrington', sessionId, person(i), randomUUID(), null)),
    )
    assert.equal(answers.filter((a) => a.ok).length, 3)
    const refused = answers.filter((a) => !a.ok)
    assert.equal(refused.length, 9)
    for (const r of refused) assert.match(r.ok ? '' : r.reason, /This session is now full/)
    const rows = await booked(sessionId)
    assert.equal(rows.length, 3)
    // Each of the three was told, and nobody else.
    const told = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'session-booked'))
    assert.deepEqual(told.map((m) => m.recipientAddress).sort(), rows.map((r) => r.email).sort())
  })

  it('books once when the same form is sent five times at once', async () => {
    const sessionId = await makeSession(t, council, staffId, { capacity: 5 })
    const service = createBookingService(depsOf(t))
    const key = randomUUID()
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => service.book('warrington', sessionId, person(99), key, null)),
    )
    assert.ok(answers.every((a) => a.ok))
    assert.equal(new Set(answers.map((a) => (a.ok ? a.bookingId : ''))).size, 1)
    assert.equal((await booked(sessionId)).length, 1)
  })

  it('gives the last place to one of two browsers sending "Check your answers" together', async () => {
    const sessionId = await makeSession(t, council, staffId, { capacity: 1 })
    const base = `/services/warrington/sessions/${sessionId}`
    const [a, b] = await Promise.all([
      toCheck(t, base, { name: 'Ann', email: 'ann@example.com' }),
      toCheck(t, base, { name: 'Ben', email: 'ben@example.com' }),
    ])
    const [ra, rb] = await Promise.all([
      a!.agent.post(`${base}/check`, a!.fields),
      b!.agent.post(`${base}/check`, b!.fields),
    ])
    assert.deepEqual([ra.statusCode, rb.statusCode].sort(), [303, 400])
    const full = ra.statusCode === 400 ? ra : rb
    assert.match(full.body, /This session is now full/)
    assert.equal(html(full).querySelector('input[name=want]')!.getAttribute('value'), 'waiting')
    assert.equal((await booked(sessionId)).length, 1)
  })
})
