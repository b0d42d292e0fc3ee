// Staff's information session pages through app.inject: adding a session (errors in GOV.UK words,
// what was typed kept, added once per form), who sees which council's sessions, the bookings (each
// look recorded), moving a session (everyone told, the same UID and a higher SEQUENCE), more places
// moving the waiting list up, a message to everyone booked (once per form), who came, cancelling
// (a CANCEL), the reminders the day before, and the figures for the council reports.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { accessLog, auditTrail, infoSessionBookings, infoSessions, messages } from '../../../db/schema/index.ts'
import { firstCouncilId } from '../../cases/testing.ts'
import { secondCouncil } from '../../reports/testing.ts'
import { queueSessionReminders, sessionFigures, sessionLinks } from '../index.ts'
import { bookThrough, makeSession, sessionVenue, toCheck } from '../testing.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const icsOf = (m: typeof messages.$inferSelect) => {
  const a = m.attachments[0]!
  const cal = new ICAL.Component(ICAL.parse(Buffer.from(a.content, 'base64').toString('utf8')))
  const event = cal.getFirstSubcomponent('vevent')!
  return {
    method: cal.getFirstPropertyValue('method'),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: event.getFirstPropertyValue('sequence'),
    start: String(event.getFirstPropertyValue('dtstart')),
  }
}

describe('running information sessions', () => {
  let t: TestApp
  let warrington: string
  let halton: string
  let cora: Agent
  let coraId: string
  let sessionId: string

  const messagesOf = (template: string) =>
    t.database.db.select().from(messages).where(eq(messages.templateKey, template)).orderBy(messages.createdAt)

  before(async () => {
    // Friday 27 November 2026, 10am; the clock moves on by days, so staff stay signed in.
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    warrington = await firstCouncilId(t.database)
    halton = await secondCouncil(t)
    coraId = (await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora', [warrington])).id
    await createStaff(t.database, 'hal@example.com', ['coordinator'], 'Hal', [halton])
    await createStaff(t.database, 'cam@example.com', ['commissioner'], 'Cam', [warrington])
    await createStaff(t.database, 'mo@example.com', ['mediator'], 'Mo')
    cora = await new Agent(t.app).signIn('cora@example.com')
  })
  after(() => t.close())

  it('adds a session from the form: GOV.UK messages, what was typed kept, once however often it is sent', async () => {
    const venue = await sessionVenue(t)
    const form = html(await cora.get('/sessions/new'))
    const submissionKey = form.querySelector('input[name=submissionKey]')!.getAttribute('value')!
    const bad = await cora.post('/sessions/new', {
      submissionKey,
      councilId: warrington,
      title: 'Getting ready for mediation',
      description: '',
      'sessionDate-day': '1',
      'sessionDate-month': '11',
      'sessionDate-year': '2026',
      startTime: '2pm',
      endTime: '1pm',
      mode: 'online',
      onlineLink: 'not a link',
      capacity: 'twenty',
    })
    assertFormErrors(bad, [
      'description',
      'audience',
      'sessionDate-day',
      'endTime',
      'onlineLink',
      'capacity',
      'closesDate-day',
      'closesTime',
    ])
    for (const words of [
      'Enter what the session is about',
      'Select who the session is for',
      'The date of the session must be today or in the future',
      'The end time must be after the start time',
      'Enter the link in the right format, starting https://',
      'The number of places must be a whole number, like 20',
      'Enter the date booking closes',
    ])
      assert.ok(bad.body.includes(words), words)
    assert.equal(html(bad).getElementById('title')!.getAttribute('value'), 'Getting ready for mediation')
    const good = {
      submissionKey,
      councilId: warrington,
      title: 'Getting ready for mediation',
      description: 'What happens at a mediation meeting.',
      audience: 'parents',
      'sessionDate-day': '9',
      'sessionDate-month': '12',
      'sessionDate-year': '2026',
      startTime: '10am',
      endTime: '12pm',
      mode: 'in-person',
      venueId: venue.id,
      onlineLink: '',
      capacity: '1',
      'closesDate-day': '8',
      'closesDate-month': '12',
      'closesDate-year': '2026',
      closesTime: '5pm',
    }
    const made = await cora.post('/sessions/new', good)
    assert.equal(made.statusCode, 303)
    const again = await cora.post('/sessions/new', good)
    assert.equal(again.headers.location, made.headers.location)
    assert.equal((await t.database.db.select().from(infoSessions)).length, 1)
    sessionId = String(made.headers.location).split('/').at(-1)!
    const [row] = await t.database.db.select().from(infoSessions).where(eq(infoSessions.id, sessionId))
    assert.equal(row!.startsAt.toISOString(), '2026-12-09T10:00:00.000Z')
    assert.equal(row!.bookingClosesAt.toISOString(), '2026-12-08T17:00:00.000Z')
    assert.ok(html(await cora.get('/sessions')).querySelector(`[data-session="${sessionId}"]`))
  })

  it("shows a council's sessions only to staff who work for it, and none to a commissioner or a mediator", async () => {
    const hal = await new Agent(t.app).signIn('hal@example.com')
    assert.equal((await hal.get(`/sessions/${sessionId}`)).statusCode, 404)
    assert.equal((await hal.get(`/sessions/${sessionId}/change`)).statusCode, 404)
    assert.ok(!html(await hal.get('/sessions')).querySelector(`[data-session="${sessionId}"]`))
    const refused = await hal.post(`/sessions/${sessionId}/cancel`, { version: '1', reason: 'No' })
    assert.equal(refused.statusCode, 404)
    for (const email of ['cam@example.com', 'mo@example.com']) {
      const other = await new Agent(t.app).signIn(email)
      assert.equal((await other.get('/sessions')).statusCode, 403, email)
      assert.equal((await other.get(`/sessions/${sessionId}`)).statusCode, 403, email)
    }
  })

  it('shows who booked and who waits, and records each look', async () => {
    const base = `/services/warrington/sessions/${sessionId}`
    assert.equal(
      (await bookThrough(t, base, { name: 'Pat', email: 'pat@example.com', adjustments: 'BSL' })).res.statusCode,
      303,
    )
    // Full: the one place is Pat's, so Sam's check page offers the waiting list.
    const sam = await toCheck(t, base, { name: 'Sam', channel: 'text', phone: '07700900983' })
    assert.ok(html(sam.check).getElementById('now-full'))
    assert.equal((await sam.agent.post(`${base}/check`, sam.fields)).statusCode, 303)
    const page = html(await cora.get(`/sessions/${sessionId}`))
    assert.match(squash(page.getElementById('booked')!.text), /Pat Email: pat@example.com BSL Not recorded/)
    assert.match(squash(page.getElementById('waiting')!.text), /Sam Text message: 07700900983/)
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.userId, coraId))
    assert.ok(looks.some((l) => l.path === `/sessions/${sessionId}`))
  })

  it('moves the session: everyone told, the same UID with a higher SEQUENCE; more places move the list up', async () => {
    const [before] = await messagesOf('session-booked')
    const form = html(await cora.get(`/sessions/${sessionId}/change`))
    const fields = Object.fromEntries(
      form
        .querySelectorAll('input[type=hidden], input.govuk-input')
        .map((i) => [i.getAttribute('name')!, i.getAttribute('value') ?? '']),
    )
    const change = {
      ...fields,
      description: 'What happens at a mediation meeting.',
      audience: 'parents',
      mode: 'in-person',
      venueId: form.querySelector('#venueId option[selected]')!.getAttribute('value')!,
      'sessionDate-day': '10',
      capacity: '2',
    }
    const moved = await cora.post(`/sessions/${sessionId}/change`, change)
    assert.equal(moved.statusCode, 303, moved.body.slice(0, 2000))
    const [changed] = await messagesOf('session-changed')
    const was = icsOf(before!)
    const now = icsOf(changed!)
    assert.equal(now.uid, was.uid)
    assert.deepEqual([was.sequence, now.sequence, now.start], [0, 1, '2026-12-10T10:00:00'])
    const [up] = await messagesOf('session-moved-up')
    assert.equal(up!.recipientAddress, '07700900983')
    // The same form again, from before the move: someone else's change is never overwritten.
    const stale = await cora.post(`/sessions/${sessionId}/change`, { ...change, capacity: '3' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this session/)
  })

  it('sends a message to everyone booked, once per form', async () => {
    const page = html(await cora.get(`/sessions/${sessionId}/message`))
    const submissionKey = page.querySelector('input[name=submissionKey]')!.getAttribute('value')!
    const empty = await cora.post(`/sessions/${sessionId}/message`, { submissionKey, message: '' })
    assertFormErrors(empty, ['message'])
    for (let i = 0; i < 2; i++)
      assert.equal(
        (await cora.post(`/sessions/${sessionId}/message`, { submissionKey, message: 'Parking is free.' })).statusCode,
        303,
      )
    const sent = await messagesOf('session-message')
    assert.deepEqual(sent.map((m) => m.recipientAddress).sort(), ['07700900983', 'pat@example.com'])
    assert.match(sent[0]!.body, /Parking is free\./)
  })

  it('reminds everyone booked the day before, once', async () => {
    const links = sessionLinks(t.config)
    assert.equal(await queueSessionReminders({ db: t.database.db, clock: t.clock, links }), 0, 'too early')
    t.clock.set('2026-12-09T09:00:00Z')
    assert.equal(await queueSessionReminders({ db: t.database.db, clock: t.clock, links }), 2)
    assert.equal(await queueSessionReminders({ db: t.database.db, clock: t.clock, links }), 0, 'never twice')
  })

  it('records who came once it has started, and counts them in the figures', async () => {
    const early = await cora.get(`/sessions/${sessionId}/attendance`)
    assert.equal(early.statusCode, 200, early.body.slice(0, 300))
    assert.match(early.body, /once the session has started/)
    t.clock.set('2026-12-10T12:30:00Z')
    const bookings = await t.database.db
      .select()
      .from(infoSessionBookings)
      .where(and(eq(infoSessionBookings.sessionId, sessionId), eq(infoSessionBookings.status, 'booked')))
    const pat = bookings.find((b) => b.name === 'Pat')!
    await cora.get(`/sessions/${sessionId}/attendance`)
    assert.equal((await cora.post(`/sessions/${sessionId}/attendance`, { attended: pat.id })).statusCode, 303)
    const booked = squash(html(await cora.get(`/sessions/${sessionId}`)).getElementById('booked')!.text)
    assert.match(booked, /Pat Email: pat@example.com BSL Came/)
    assert.match(booked, /Sam Text message: 07700900983 None Did not come/)
    const figures = await sessionFigures(t.database.db, {
      councilIds: [warrington],
      from: '2026-12-01',
      to: '2026-12-31',
    })
    assert.deepEqual(figures.byAudience.parents, { held: 1, booked: 2, attended: 1 })
    assert.deepEqual(figures.byAudience.professionals, { held: 0, booked: 0, attended: 0 })
    const none = await sessionFigures(t.database.db, { councilIds: [halton], from: '2026-12-01', to: '2026-12-31' })
    assert.equal(none.byAudience.parents.held, 0)
    const entries = await t.database.db
      .select()
      .from(auditTrail)
      .where(eq(auditTrail.action, 'session-booking.attendance'))
    assert.equal(entries.length, 2)
    t.clock.set('2026-11-27T10:00:00Z')
  })

  it('cancels a session: everyone told, a CANCEL for those with a place', async () => {
    const other = await makeSession(t, warrington, coraId, { day: '2026-12-16', closesDay: '2026-12-15' })
    await bookThrough(t, `/services/warrington/sessions/${other}`, { name: 'Lee', email: 'lee@example.com' })
    const page = await cora.get(`/sessions/${other}/cancel`)
    assert.match(
      squash(html(page).getElementById('cancelling')!.text),
      /1 person with a place and 0 waiting will be told/,
    )
    assertFormErrors(await cora.post(`/sessions/${other}/cancel`, { version: '1', reason: '' }), ['reason'])
    assert.equal(
      (await cora.post(`/sessions/${other}/cancel`, { version: '1', reason: 'The room flooded.' })).statusCode,
      303,
    )
    const [cancel] = await messagesOf('session-cancelled')
    assert.equal(cancel!.recipientAddress, 'lee@example.com')
    assert.match(cancel!.body, /The room flooded\./)
    assert.deepEqual([icsOf(cancel!).method, icsOf(cancel!).sequence], ['CANCEL', 1])
    const pub = await new Agent(t.app).get(`/services/warrington/sessions/${other}`)
    assert.match(squash(html(pub).getElementById('booking-state')!.text), /This session is cancelled/)
    assert.ok(!(await new Agent(t.app).get('/services/warrington/sessions')).body.includes(other))
  })

  it('lets an administrator find the changes to sessions and bookings in the audit trail, by kind', async () => {
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada')
    const ada = await new Agent(t.app).signIn('ada@example.com')
    const bookings = await ada.get('/admin/audit?kind=session-booking')
    assert.equal(bookings.statusCode, 200)
    for (const action of ['session-booking.created', 'session-booking.moved-up', 'session-booking.attendance'])
      assert.ok(bookings.body.includes(action), action)
    assert.ok(!bookings.body.includes('info-session.created'))
    const sessions = await ada.get('/admin/audit?kind=info-session')
    for (const action of [
      'info-session.created',
      'info-session.moved',
      'info-session.messaged',
      'info-session.cancelled',
    ])
      assert.ok(sessions.body.includes(action), action)
  })
})
