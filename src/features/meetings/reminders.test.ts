// Reminders before the meeting, and the whole way out: a meeting booked on the page, delivered
// through a real SMTP conversation, and the arrived emails parsed (recipients, subject, body, .ics).
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import type { ParsedMail } from 'mailparser'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { startSmtpServer } from '../../../test/helpers/smtp.ts'
import { cases, meetings, messages } from '../../db/schema/index.ts'
import { deliverDueMessages, closeTransports, createTransports } from '../messages/index.ts'
import { writeSettings } from '../settings/index.ts'
import type { BookingInput } from './booking-checks.ts'
import { queueMeetingReminders } from './reminders.ts'
import { createMeetingService } from './service.ts'
import { dateFields, makeVenue, meetingCase } from './testing.ts'

const addressesOf = (mail: ParsedMail) =>
  mail.to && !Array.isArray(mail.to) ? mail.to.value.map((v) => v.address) : []

describe('meeting reminders, and the invitation by email', () => {
  let t: TestApp
  let roomId: string

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026, 10am
    roomId = (await makeVenue(t.database, t.clock)).rooms[0]!.id
  })
  after(() => t.close())

  async function arrange(
    caseId: string,
    input: Partial<BookingInput> & { day: string },
    moving?: { id: string; version: number },
  ) {
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId))
    const service = createMeetingService({ db: t.database.db, clock: t.clock })
    const booking = {
      start: '10:00',
      end: '12:00',
      place: { kind: 'room', roomId },
      adjustments: '',
      ...input,
    } as const
    const options = { actor: { label: 'Test' }, expectedVersion: row!.version }
    const result = moving
      ? await service.moveMeeting(caseId, booking, { ...options, meetingVersion: moving.version })
      : await service.bookMeeting(caseId, booking, { ...options, submissionKey: randomUUID() })
    if (!result.ok) throw new Error(result.reason)
    return result
  }
  const remindersOf = async (caseId: string) =>
    (
      await t.database.db
        .select()
        .from(messages)
        .where(and(eq(messages.caseId, caseId), eq(messages.templateKey, 'meeting-reminder')))
    )
      .map((m) => m.recipientAddress)
      .sort()

  it('reminds each party once, the set number of working days before, and again once the meeting moves', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const c = await meetingCase(t)
    const { meetingId } = await arrange(c.id, { day: '2026-12-09' }) // Wednesday
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 0, 'too early')
    t.clock.set('2026-12-04T08:00:00Z') // Friday: 3 working days before
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 0)
    t.clock.set('2026-12-07T08:00:00Z') // Monday: 2 working days before
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 2)
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 0, 'never twice')
    t.clock.set('2026-12-08T08:00:00Z')
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 0, 'still once')
    assert.deepEqual(await remindersOf(c.id), ['sarah@example.com', 'senco@brookfield.example.com'])
    const [reminder] = await t.database.db
      .select()
      .from(messages)
      .where(
        and(
          eq(messages.caseId, c.id),
          eq(messages.templateKey, 'meeting-reminder'),
          eq(messages.recipientAddress, 'sarah@example.com'),
        ),
      )
    assert.equal(reminder!.subject, `Reminder: your mediation meeting on Wednesday 9 December 2026: ${c.reference}`)
    assert.match(reminder!.body, /Wednesday 9 December 2026, 10am to 12pm/)
    assert.doesNotMatch(reminder!.body, /\(\(/)

    // Moved to Friday 11 December: a reminder of the new date, on Wednesday 9th.
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId))
    await arrange(
      c.id,
      { day: '2026-12-11', shorterNotice: { by: 'Sarah Hartley, by email', on: '2026-12-08' } },
      { id: m!.id, version: m!.version },
    )
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 0)
    t.clock.set('2026-12-09T08:00:00Z')
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 2)
    assert.equal((await remindersOf(c.id)).length, 4)
  })

  it('follows the setting, and reminds nobody of a cancelled meeting', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const kept = await meetingCase(t)
    const called = await meetingCase(t)
    await arrange(kept.id, { day: '2026-12-16', start: '14:00', end: '16:00' })
    const { meetingId } = await arrange(called.id, { day: '2026-12-16', start: '09:00', end: '10:00' })
    const [m] = await t.database.db.select().from(meetings).where(eq(meetings.id, meetingId))
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, called.id))
    const cancelled = await createMeetingService({ db: t.database.db, clock: t.clock }).cancelMeeting(
      called.id,
      { meetingVersion: m!.version, expectedVersion: row!.version, reason: 'The parent is ill.' },
      { actor: { label: 'Test' } },
    )
    assert.ok(cancelled.ok)
    const admin = await createStaff(t.database, `admin-${Date.now()}@example.com`, ['administrator'], 'Ada Admin')
    await writeSettings(t.database.db, t.clock, { meetingReminderDays: 5 }, admin.id)
    t.clock.set('2026-12-09T08:00:00Z') // 5 working days before Wednesday 16 December
    assert.equal(await queueMeetingReminders({ db: t.database.db, clock: t.clock }), 2)
    assert.equal((await remindersOf(kept.id)).length, 2)
    assert.equal((await remindersOf(called.id)).length, 0)
    await writeSettings(t.database.db, t.clock, { meetingReminderDays: 2 }, admin.id)
  })

  it('books on the page and delivers the invitation by a real SMTP conversation, with its .ics', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    await t.database.db.delete(messages) // only this meeting's mail
    await createStaff(t.database, 'smtp.coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    const coordinator = await new Agent(t.app).signIn('smtp.coordinator@example.com')
    const c = await meetingCase(t)
    const url = `/cases/${c.id}/meeting/book`
    const page = await coordinator.get(url)
    const hidden = Object.fromEntries(
      [...page.body.matchAll(/name="(version|submissionKey)" value="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]),
    )
    const res = await coordinator.post(url, {
      ...hidden,
      ...dateFields('meetingDate', '2026-12-10'),
      startTime: '1:30pm',
      endTime: '4pm',
      place: `room:${roomId}`,
      breakoutRoom: '',
      onlineLink: '',
      shorterNoticeAgreedBy: '',
      adjustments: 'Sarah Hartley: step-free access',
    })
    assert.equal(res.statusCode, 303)
    const [meeting] = await t.database.db.select().from(meetings).where(eq(meetings.caseId, c.id))

    const smtp = await startSmtpServer()
    const transports = createTransports({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Mediation service <no-reply@parley.example>',
      SMS_PROVIDER_URL: undefined,
      SMS_PROVIDER_TOKEN: undefined,
    } as never)
    try {
      const report = await deliverDueMessages({ db: t.database.db, clock: t.clock, transports })
      assert.equal(report.sent, 3)
      const mails = await smtp.waitFor(3)
      assert.deepEqual(
        mails.flatMap(addressesOf).sort(),
        ['sarah@example.com', 'senco@brookfield.example.com', c.mediator.email].sort(),
      )
      const sarah = mails.find((m) => addressesOf(m).includes('sarah@example.com'))!
      assert.equal(sarah.subject, `Your mediation meeting on Thursday 10 December 2026: ${c.reference}`)
      assert.match(sarah.text ?? '', /Dear Sarah Hartley,/)
      assert.match(sarah.text ?? '', /Thursday 10 December 2026, 1:30pm to 4pm/)
      assert.match(sarah.text ?? '', /Where: Room 1, Warrington Town Hall, Sankey Street, Warrington, WA1 1UH/)
      assert.match(sarah.text ?? '', /What to bring:/)
      const ics = sarah.attachments.find((a) => a.filename === 'meeting.ics')
      assert.ok(ics, 'the invitation has its calendar file')
      assert.equal(ics.contentType, 'text/calendar')
      const calendar = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')))
      for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
      assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST')
      const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!)
      assert.equal(event.uid, meeting!.icsUid)
      assert.equal(event.sequence, 0)
      assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-10T13:30:00.000Z')
      assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-10T16:00:00.000Z')
      assert.equal(event.location, 'Room 1, Warrington Town Hall, Sankey Street, Warrington, WA1 1UH')
      const toMediator = mails.find((m) => addressesOf(m).includes(c.mediator.email))!
      assert.match(toMediator.text ?? '', /Help we have arranged for the meeting: Sarah Hartley: step-free access/)
    } finally {
      await closeTransports(transports)
      await smtp.close()
    }
  })
})
