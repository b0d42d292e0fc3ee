// The demo is a whole service: councils, a panel with accounts (one mediator's insurance lapsed,
// one with a conflict of interest), venues with rooms, and cases at every stage with their
// meetings, agreements, certificates, feedback and complaints, made through the service's own
// steps; Today then shows a few things due, as in a service that is kept up. A second run adds nothing.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq, sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../test/helpers/app.ts'
import { mediatorStanding } from '../domain/mediator-standing.ts'
import { listMediatorsForAllocation } from '../features/mediators/index.ts'
import { todayPage } from '../features/today/service.ts'
import { DEMO_CASES, seedDemo } from './demo-seed.ts'
import {
  agreements,
  caseEvents,
  cases,
  certificates,
  complaints,
  meetings,
  partyFeedback,
  users,
  venueRooms,
  venues,
} from './schema/index.ts'

describe('the demo', () => {
  let t: TestApp
  let printed = ''
  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    printed = await seedDemo(t.database.db, t.clock)
  })
  after(() => t.close())

  test('prints each demo account with its one-time password', () => {
    assert.match(printed, new RegExp(`^Added ${DEMO_CASES} demo cases\\.`))
    for (const email of ['coordinator.demo@example.com', 'manager.demo@example.com', 'mediator.demo@example.com'])
      assert.match(printed, new RegExp(`${email.replace(/\./g, '\\.')}: one-time password [a-z0-9-]{19}`))
  })

  test('has cases at every stage, with their meetings, agreements, certificates, feedback and complaints', async () => {
    const db = t.database.db
    const statuses = new Set((await db.select({ s: cases.status }).from(cases)).map((r) => r.s))
    for (const s of [
      'enquiry',
      'signposted',
      'willingness',
      'mediator-allocated',
      'preparation',
      'meeting-arranged',
      'follow-up',
      'no-agreement',
      'certificate-issued',
      'withdrawn',
      'closed',
    ])
      assert.ok(statuses.has(s), `a case at ${s}: ${[...statuses].join(', ')}`)
    const n = async (rows: Promise<{ n: unknown }[]>) => Number((await rows)[0]!.n)
    const counted = sql`count(*)`
    assert.ok((await n(db.select({ n: counted }).from(meetings))) >= 15)
    assert.ok((await n(db.select({ n: counted }).from(agreements).where(eq(agreements.status, 'final')))) >= 10)
    assert.ok((await n(db.select({ n: counted }).from(certificates))) >= 6)
    assert.ok((await n(db.select({ n: counted }).from(partyFeedback))) >= 4)
    assert.ok((await n(db.select({ n: counted }).from(complaints))) >= 1)
    // Each case was moved along by its events, not by writing its status.
    const types = new Set((await db.select({ type: caseEvents.type }).from(caseEvents)).map((e) => e.type))
    for (const type of [
      'mediator-allocated',
      'meeting-scheduled',
      'meeting-held',
      'agreement-finalised',
      'certificate-issued',
      'agreement-point-followed-up',
      'closed',
    ])
      assert.ok(types.has(type), `an event ${type}`)
  })

  test('has a panel with accounts, one with lapsed insurance and one with a conflict, and venues with rooms', async () => {
    const db = t.database.db
    const panel = await listMediatorsForAllocation(db)
    assert.equal(panel.length, 5)
    const standing = panel.map((m) => [m.name, mediatorStanding(m, t.clock.today()).blocking.length > 0])
    assert.deepEqual(
      standing.filter(([, blocked]) => blocked).map(([name]) => name),
      ['Helen Marchetti'],
    )
    assert.deepEqual(
      panel.filter((m) => m.conflicts.length).map((m) => [m.name, m.conflicts[0]!.organisationName]),
      [['Samir Castellano', 'Larchwood Academy']],
    )
    assert.ok(
      panel.every((m) => m.userId),
      'each mediator has an account',
    )
    const accounts = await db.select().from(users).where(eq(users.mustChangePassword, true))
    assert.ok(accounts.length >= 7)
    const inPerson = await db.select().from(venues).where(eq(venues.kind, 'in-person'))
    assert.equal(inPerson.length, 2)
    assert.ok(inPerson.every((v) => v.stepFree && v.accessibilityNotes))
    assert.ok((await db.select().from(venueRooms)).length >= 4)
  })

  test('Today shows the coordinator a few things due, not a wall of overdue rows', async () => {
    const [u] = await t.database.db.select().from(users).where(eq(users.email, 'coordinator.demo@example.com'))
    const page = await todayPage({ db: t.database.db, clock: t.clock }, {
      ...u!,
      mustChangePassword: false,
      councils: 'all',
    } as never)
    const due = page.sections.find((s) => s.id === 'today-list')!
    assert.ok(due.count.n > 0 && due.count.n <= 15, `due: ${due.count.n}`)
    const points = page.sections.find((s) => s.id === 'agreement-points')!
    assert.ok(points.count.n > 0 && points.count.n <= 5, `points: ${points.count.n}`)
  })

  test('a second run adds nothing', async () => {
    const before = (await t.database.db.select().from(cases)).length
    assert.equal(await seedDemo(t.database.db, t.clock), 'Added 0 demo cases.')
    assert.equal((await t.database.db.select().from(cases)).length, before)
  })
})
