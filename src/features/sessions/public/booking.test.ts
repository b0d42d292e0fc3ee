// Booking an information session without an account, through the public pages: the council's
// list, the session, the details (errors keep what was typed), "Check your answers", the
// confirmation; a double submit books once; a full session offers the waiting list and the last
// place taken meanwhile says "now full"; the cancel link gives the place to the first waiting,
// who is told; closed bookings say so; and the messages leave through a real SMTP conversation
// with the session's .ics (the same UID, its sequence).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
import ICAL from 'ical.js'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { startSmtpServer } from '../../../../test/helpers/smtp.ts'
import { auditTrail, infoSessionBookings, messages } from '../../../db/schema/index.ts'
import { firstCouncilId } from '../../cases/testing.ts'
import { closeTransports, createTransports, deliverDueMessages } from '../../messages/index.ts'
import { createBookingService } from '../booking-service.ts'
import { bookThrough, depsOf, makeSession, toCheck } from '../testing.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('booking an information session', () => {
  let t: TestApp
  let council: string
  let staffId: string
  let base: string
  let sessionId: string

  const messagesTo = (address: string) =>
    t.database.db.select().from(messages).where(eq(messages.recipientAddress, address)).orderBy(messages.createdAt)
  const bookingsOf = (id: string) =>
    t.database.db.select().from(infoSessionBookings).where(eq(infoSessionBookings.sessionId, id))

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026, 10am
    council = await firstCouncilId(t.database)
    staffId = (await createStaff(t.database, 'cora@example.com', ['coordinator'])).id
    sessionId = await makeSession(t, council, staffId) // 2 places, Wednesday 9 December 2026
    base = `/services/warrington/sessions/${sessionId}`
  })
  after(() => t.close())

  it("lists the council's upcoming sessions for anyone, and no other council's address", async () => {
    const list = await new Agent(t.app).get('/services/warrington/sessions')
    assert.equal(list.statusCode, 200)
    const item = html(list).querySelector(`[data-session="${sessionId}"]`)!
    assert.match(
      squash(item.text),
      /Getting ready for mediation Wednesday 9 December 2026, 10am to 12pm For: Parents and carers/,
    )
    assert.match(squash(item.text), /Places left 2 places left/)
    assert.equal((await new Agent(t.app).get('/services/nowhere/sessions')).statusCode, 404)
    assert.equal((await new Agent(t.app).get(`/services/nowhere/sessions/${sessionId}`)).statusCode, 404)
  })

  it('says what is wrong in GOV.UK words and keeps what was typed', async () => {
    const agent = new Agent(t.app)
    const empty = await agent.submit(`${base}/book`, { name: '', adjustments: 'A quiet space' })
    assertFormErrors(empty, ['name', 'channel'])
    assert.match(empty.body, /Enter your name/)
    assert.match(empty.body, /Select how we should send your booking/)
    assert.match(html(empty).getElementById('adjustments')!.text, /A quiet space/)
    const bad = await agent.post(`${base}/book`, {
      name: 'Pat',
      channel: 'text',
      phone: '12345',
      email: '',
      adjustments: '',
    })
    assertFormErrors(bad, ['phone'])
    assert.match(bad.body, /Enter a UK mobile number, like 07700 900 982/)
    assert.equal(html(bad).getElementById('name')!.getAttribute('value'), 'Pat')
  })

  it('books a place after "Check your answers", once however often it is sent, and tells them by email with an invite', async () => {
    const { agent, check, fields } = await toCheck(t, base, {
      name: 'Pat Example',
      email: 'pat@example.com',
      adjustments: 'Step-free access',
    })
    assert.match(
      squash(html(check).getElementById('answers')!.text),
      /Name Pat Example .*Email: pat@example.com .*Step-free access/,
    )
    assert.equal(fields.want, 'place')
    const first = await agent.post(`${base}/check`, fields)
    assert.equal(first.headers.location, `${base}/booked`)
    const again = await agent.post(`${base}/check`, fields) // a second click
    assert.equal(again.headers.location, `${base}/booked`)
    // The same form's key again (a retried request, whatever the browser): the first booking, not a second.
    const retried = await createBookingService(depsOf(t)).book(
      'warrington',
      sessionId,
      { name: 'Pat Example', channel: 'email', email: 'pat@example.com', phone: '', adjustments: '', want: 'place' },
      fields.submissionKey,
      null,
    )
    const [only] = await bookingsOf(sessionId)
    assert.deepEqual(retried, { ok: true, bookingId: only!.id, status: 'booked' })
    assert.equal((await bookingsOf(sessionId)).length, 1)
    const done = await agent.get(`${base}/booked`)
    assert.match(squash(html(done).querySelector('.govuk-panel')!.text), /Your place is booked/)
    const [mail] = await messagesTo('pat@example.com')
    assert.equal(mail!.templateKey, 'session-booked')
    assert.match(mail!.body, /Step-free access/)
    assert.match(mail!.body, /\/services\/warrington\/sessions\/bookings\/[\w-]{43}/)
    assert.equal(mail!.attachments[0]!.filename, 'session.ics')
    const [entry] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordKind, 'session-booking'), isNull(auditTrail.userId)))
    assert.equal(entry!.action, 'session-booking.created')
  })

  it('offers the waiting list when full, and says "now full" when the last place went meanwhile', async () => {
    const sam = await toCheck(t, base, { name: 'Sam', channel: 'text', phone: '07700 900 982' })
    const alex = await toCheck(t, base, { name: 'Alex', email: 'alex@example.com' })
    assert.equal((await sam.agent.post(`${base}/check`, sam.fields)).statusCode, 303) // the last place
    const late = await alex.agent.post(`${base}/check`, alex.fields)
    assert.equal(late.statusCode, 400)
    assert.match(late.body, /This session is now full/)
    const offer = html(late)
    assert.equal(offer.querySelector('input[name=want]')!.getAttribute('value'), 'waiting')
    const waiting = await alex.agent.post(`${base}/check`, { ...alex.fields, want: 'waiting' })
    assert.equal(waiting.statusCode, 303)
    assert.match(squash(html(await alex.agent.get(`${base}/booked`)).text), /You are on the waiting list/)
    const [text] = await messagesTo('07700 900 982')
    assert.equal(text!.channel, 'text')
    assert.deepEqual(text!.attachments, [])
    assert.equal((await messagesTo('alex@example.com'))[0]!.templateKey, 'session-waiting')
    const page = await new Agent(t.app).get(base)
    assert.match(
      squash(html(page).getElementById('booking-state')!.text),
      /This session is full. You can join the waiting list/,
    )
    // The same person again: refused, whatever the case of their email.
    const twice = await bookThrough(t, base, { name: 'Alex', email: 'ALEX@example.com' })
    assert.equal(twice.res.statusCode, 400)
    assert.match(twice.res.body, /You have already booked this session/)
  })

  it('cancels through the link; the first on the waiting list gets the place and is told', async () => {
    const [mail] = await messagesTo('pat@example.com')
    const link = /(\/services\/warrington\/sessions\/bookings\/[\w-]+)/.exec(mail!.body)![1]!
    const agent = new Agent(t.app)
    const page = await agent.get(link)
    assert.equal(page.statusCode, 200)
    assert.match(squash(html(page).getElementById('booking')!.text), /Your booking A place/)
    const cancelled = await agent.post(link, {})
    assert.equal(cancelled.statusCode, 303)
    assert.match(squash(html(await agent.get(link)).text), /You cancelled this booking/)
    const rows = await bookingsOf(sessionId)
    assert.equal(rows.find((b) => b.name === 'Alex')!.status, 'booked')
    assert.equal(rows.find((b) => b.name === 'Pat Example')!.status, 'cancelled')
    assert.deepEqual(
      (await messagesTo('alex@example.com')).map((m) => m.templateKey),
      ['session-waiting', 'session-moved-up'],
    )
    assert.equal((await messagesTo('pat@example.com')).at(-1)!.templateKey, 'session-booking-cancelled')
    assert.equal((await agent.get('/services/warrington/sessions/bookings/not-a-real-token')).statusCode, 404)
  })

  it('never shows an online session’s link publicly; sends it only to those booked', async () => {
    const online = await makeSession(t, council, staffId, {
      mode: 'online',
      onlineLink: 'https://meet.example.com/abc-123',
    })
    const onlineBase = `/services/warrington/sessions/${online}`
    const page = await new Agent(t.app).get(onlineBase)
    assert.ok(!page.body.includes('meet.example.com'))
    assert.ok(!(await new Agent(t.app).get('/services/warrington/sessions')).body.includes('meet.example.com'))
    const { res } = await bookThrough(t, onlineBase, { name: 'Jo', email: 'jo@example.com' })
    assert.equal(res.statusCode, 303)
    const [mail] = await messagesTo('jo@example.com')
    assert.match(mail!.body, /Join online: https:\/\/meet.example.com\/abc-123/)
  })

  it('says when booking has closed', async () => {
    t.clock.set('2026-12-08T17:30:00Z')
    try {
      const page = await new Agent(t.app).get(base)
      assert.match(squash(html(page).getElementById('booking-state')!.text), /Booking has closed for this session/)
      assert.match(squash(html(await new Agent(t.app).get(`${base}/book`)).text), /Booking has closed/)
    } finally {
      t.clock.set('2026-11-27T10:00:00Z')
    }
  })

  it('sends the confirmation through a real SMTP conversation, with the session’s calendar invite', async () => {
    const smtp = await startSmtpServer()
    const transports = createTransports({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Mediation service <no-reply@parley.example>',
      SMS_PROVIDER_URL: undefined,
      SMS_PROVIDER_TOKEN: undefined,
    } as never)
    try {
      await deliverDueMessages({ db: t.database.db, clock: t.clock, transports, limit: 50 })
      const mails = await smtp.waitFor(1)
      const booked = mails.find(
        (m) => m.subject === 'Your place at Getting ready for mediation on Wednesday 9 December 2026',
      )!
      assert.ok(booked, mails.map((m) => m.subject).join('; '))
      const ics = booked.attachments.find((a) => a.filename === 'session.ics')!
      const event = new ICAL.Component(ICAL.parse(ics.content.toString('utf8'))).getFirstSubcomponent('vevent')!
      assert.equal(event.getFirstPropertyValue('sequence'), 0)
      assert.match(String(event.getFirstPropertyValue('uid')), /@parley\.sessions$/)
      assert.equal(String(event.getFirstPropertyValue('dtstart')), '2026-12-09T10:00:00')
      assert.match(String(event.getFirstPropertyValue('location')), /Warrington Library/)
    } finally {
      await closeTransports(transports)
      await smtp.close()
    }
  })
})
