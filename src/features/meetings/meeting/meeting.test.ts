import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import ICAL from 'ical.js'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import {
  accessLog,
  caseDeadlines,
  caseEvents,
  cases,
  mediatorUnavailability,
  meetings,
  messages,
  partyAvailability,
  users,
} from '../../../db/schema/index.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { contactEveryParty } from '../../preparation/testing.ts'
import { dateFields, makeVenue, meetingCase } from '../testing.ts'

type Made = Awaited<ReturnType<typeof meetingCase>>

/** The .ics attached to a queued message, parsed as a calendar program would. */
function icsOf(message: typeof messages.$inferSelect) {
  const [attachment] = message.attachments as { filename: string; contentType: string; content: string }[]
  assert.ok(attachment, `message ${message.templateKey} has an attachment`)
  const calendar = new ICAL.Component(ICAL.parse(Buffer.from(attachment.content, 'base64').toString('utf8')))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return {
    attachment,
    method: calendar.getFirstPropertyValue('method'),
    status: vevent.getFirstPropertyValue('status'),
    event: new ICAL.Event(vevent),
  }
}

describe('the Meeting tab: availability, booking, moving and cancelling', () => {
  let t: TestApp
  let coordinator: Agent
  let mediatorAgent: Agent
  let otherMediator: Agent
  let room1: string
  let room2: string
  let breakout: string
  let online: string

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    await createStaff(t.database, 'other.mediator@example.com', ['mediator'], 'Otto Other')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    otherMediator = await new Agent(t.app).signIn('other.mediator@example.com')
    const hall = await makeVenue(t.database, t.clock, {}, [
      { name: 'Room 1' },
      { name: 'Room 2' },
      { name: 'Quiet room', isBreakout: true },
    ])
    ;[room1, room2, breakout] = hall.rooms.map((r) => r.id) as [string, string, string]
    online = (
      await makeVenue(
        t.database,
        t.clock,
        {
          name: 'Video room',
          kind: 'online',
          address: null,
          postcode: null,
          onlineLink: 'https://meet.example.com/parley',
        },
        [],
      )
    ).venue.id
  })
  after(() => t.close())

  const base = (c: Made) => `/cases/${c.id}/meeting`
  const booking = (change: Record<string, string> = {}) => ({
    ...dateFields('meetingDate', '2026-12-09'),
    startTime: '9:30am',
    endTime: '12pm',
    place: `room:${room1}`,
    breakoutRoom: breakout,
    onlineLink: '',
    shorterNoticeAgreedBy: '',
    'shorterNoticeAgreedOn-day': '',
    'shorterNoticeAgreedOn-month': '',
    'shorterNoticeAgreedOn-year': '',
    adjustments: 'Sarah Hartley: step-free access',
    ...change,
  })
  /** Fetches the form (for its token, version and one-time key), then posts it with the fields given. */
  async function submitForm(url: string, fields: Record<string, string>) {
    const page = await coordinator.get(url)
    const hidden = Object.fromEntries(
      [...page.body.matchAll(/name="(version|meetingVersion|submissionKey)" value="([^"]*)"/g)].map((x) => [
        x[1]!,
        x[2]!,
      ]),
    )
    return coordinator.post(url, { ...hidden, ...fields })
  }
  const book = (c: Made, change: Record<string, string> = {}) => submitForm(`${base(c)}/book`, booking(change))
  const liveMeetingOf = async (c: Made) =>
    (await t.database.db.select().from(meetings).where(eq(meetings.caseId, c.id))).find((m) => m.cancelledAt === null)

  it('shows each party over the coming working days in words, and the dates that suit everyone first', async () => {
    const c = await meetingCase(t)
    await t.database.db.insert(partyAvailability).values([
      ...[c.parent, c.council, c.school].map((p) => ({
        caseId: c.id,
        partyId: p.id,
        day: '2026-12-09',
        availability: 'all-day',
        source: 'staff',
        recordedAt: t.clock.now(),
      })),
      {
        caseId: c.id,
        partyId: c.parent.id,
        day: '2026-12-10',
        availability: 'morning',
        source: 'staff',
        recordedAt: t.clock.now(),
      },
      {
        caseId: c.id,
        partyId: c.council.id,
        day: '2026-12-10',
        availability: 'afternoon',
        source: 'staff',
        recordedAt: t.clock.now(),
      },
      {
        caseId: c.id,
        partyId: c.parent.id,
        day: '2026-12-11',
        availability: 'all-day',
        source: 'portal',
        recordedAt: t.clock.now(),
      },
    ])
    const res = await coordinator.get(base(c))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Meeting - /)
    const doc = html(res)
    assert.match(doc.getElementById('held-deadline')!.text, /Mediation must be held by Sunday 27 December 2026/)
    assert.equal(doc.getElementById('no-meeting')!.text.trim(), 'No meeting is booked yet.')
    assert.deepEqual(
      doc.querySelectorAll('#suitable-dates li').map((li) => li.text.trim()),
      ['Wednesday 9 December 2026: all day'],
    )
    const row = (day: string) =>
      doc
        .querySelector(`#availability tr[data-day="${day}"]`)!
        .querySelectorAll('td')
        .map((td) => td.text.trim())
    assert.deepEqual(row('2026-12-09'), ['Available all day', 'Available all day', 'Available all day', 'Yes: all day'])
    assert.deepEqual(row('2026-12-10'), ['Morning only', 'Afternoon only', 'Not given yet', 'No'])
    assert.deepEqual(row('2026-12-11'), ['Available all day', 'Not given yet', 'Not given yet', 'Not known yet'])
    assert.equal(doc.querySelectorAll('#availability tbody tr').length, 19)
    assert.ok(!doc.querySelector('#availability tr[data-day="2026-12-25"]'), 'no Christmas Day')
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))
    assert.ok(looks.some((l) => l.path === base(c)))
  })

  it('lets the mediator of the case look but not book; others get 404, 403 or sign in', async () => {
    const account = await createStaff(t.database, `maya-${Date.now()}@example.com`, ['mediator'], 'Maya Mediator')
    const c = await meetingCase(t, { mediatorUserId: account.id })
    mediatorAgent = await new Agent(t.app).signIn(account.email)
    const mine = await mediatorAgent.get(base(c))
    assert.equal(mine.statusCode, 200)
    assert.equal(html(mine).querySelectorAll(`a[href="${base(c)}/book"]`).length, 0, 'no booking for a mediator')
    assert.equal(html(mine).querySelectorAll('#enter-availability').length, 0)
    for (const path of ['/book', '/move', '/cancel', `/availability/${c.parent.id}`]) {
      assert.equal((await mediatorAgent.get(`${base(c)}${path}`)).statusCode, 403, path)
    }
    assert.equal((await mediatorAgent.post(`${base(c)}/book`, booking())).statusCode, 403)
    assert.equal((await otherMediator.get(base(c))).statusCode, 404)
    assertRedirect(await new Agent(t.app).get(base(c)), /^\/sign-in\?next=/)
    assert.equal((await coordinator.get('/cases/00000000-0000-4000-8000-000000000000/meeting')).statusCode, 404)
  })

  it("enters a party's availability for several days at once, and clears a day left as not given", async () => {
    const c = await meetingCase(t)
    const url = `${base(c)}/availability/${c.council.id}`
    const page = await coordinator.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Availability for the council \(Warrington Borough Council\) - /)
    assert.equal(html(page).querySelectorAll('select').length, 19)
    assertFormErrors(await coordinator.post(url, { 'day-2026-12-01': 'sometimes', 'day-2026-12-02': 'morning' }), [
      'day-2026-12-01',
    ])
    const kept = await coordinator.post(url, { 'day-2026-12-01': 'sometimes', 'day-2026-12-02': 'morning' })
    assert.equal(html(kept).querySelector('#day-2026-12-02 option[selected]')?.getAttribute('value'), 'morning')
    assert.match(
      kept.body,
      /Select whether the council \(Warrington Borough Council\) can come on Tuesday 1 December 2026/,
    )
    assertFormErrors(await coordinator.post(url, { 'day-2027-03-01': 'morning' }), ['day-2026-11-30'])
    assertRedirect(
      await coordinator.submit(url, {
        'day-2026-12-01': 'all-day',
        'day-2026-12-02': 'unavailable',
        'day-2026-12-03': 'afternoon',
      }),
      base(c),
    )
    assertRedirect(
      await coordinator.submit(url, {
        'day-2026-12-01': 'morning',
        'day-2026-12-02': '',
        'day-2026-12-03': 'afternoon',
      }),
      base(c),
    )
    const rows = await t.database.db.select().from(partyAvailability).where(eq(partyAvailability.partyId, c.council.id))
    assert.deepEqual(rows.map((r) => [r.day, r.availability, r.source]).sort(), [
      ['2026-12-01', 'morning', 'staff'],
      ['2026-12-03', 'afternoon', 'staff'],
    ])
    const doc = html(await coordinator.get(base(c)))
    assert.match(doc.querySelector('.govuk-notification-banner')!.text, /Availability saved for the council/)
    assert.equal(
      doc.querySelector('#availability tr[data-day="2026-12-01"]')!.querySelectorAll('td')[1]!.text.trim(),
      'Morning only',
    )
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'availability-recorded')))
    assert.equal(events.length, 2)
    assert.equal(await (await coordinator.get(`${base(c)}/availability/${c.id}`)).statusCode, 404)
  })

  it('asks for what is missing on the booking form, keeping what was typed', async () => {
    const c = await meetingCase(t)
    const page = await coordinator.get(`${base(c)}/book`)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Book the meeting - /)
    assert.match(html(page).getElementById('held-deadline')!.text, /must be held by Sunday 27 December 2026/)
    assert.match(html(page).getElementById('notice-rule')!.text, /on or after Friday 4 December 2026/)
    assert.match(
      html(page).getElementById('adjustments')!.text,
      /Sarah Hartley: An accessible venue; Uses a wheelchair/,
    )
    const res = await submitForm(
      `${base(c)}/book`,
      booking({
        'meetingDate-day': '',
        'meetingDate-month': '',
        'meetingDate-year': '',
        startTime: 'noonish',
        endTime: '',
        place: '',
        adjustments: '<b>ramp</b>',
      }),
    )
    assertFormErrors(res, ['meetingDate-day', 'startTime', 'endTime', 'place'])
    assert.match(res.body, /Enter the date of the meeting/)
    assert.match(res.body, /Enter the start time as a time of day, like 9:30am or 14:00/)
    assert.match(res.body, /Enter the time the meeting ends/)
    assert.match(res.body, /Select where the meeting will be/)
    assert.equal(html(res).getElementById('startTime')!.getAttribute('value'), 'noonish')
    assert.equal(html(res).getElementById('adjustments')!.text, '<b>ramp</b>')
    assert.ok(!res.body.includes('<b>ramp</b>'))
    assertFormErrors(
      await submitForm(
        `${base(c)}/book`,
        booking({
          ...dateFields('meetingDate', '2026-11-27'),
          startTime: '1pm',
          endTime: '11am',
          onlineLink: 'meet.example.com',
        }),
      ),
      ['meetingDate-day', 'endTime', 'onlineLink'],
    )
    const early = await submitForm(`${base(c)}/book`, booking({ startTime: '6am', endTime: '10pm' }))
    assertFormErrors(early, ['startTime', 'endTime'])
    assert.match(early.body, /The meeting must start between 7am and 9pm/)
    assert.match(early.body, /The meeting must end by 9pm/)
    assert.equal(await liveMeetingOf(c), undefined)
  })

  it('refuses less than 5 working days of notice without the recorded agreement, and accepts it with one', async () => {
    const c = await meetingCase(t)
    const short = await book(c, dateFields('meetingDate', '2026-12-03'))
    assertFormErrors(short, ['shorterNoticeAgreedBy', 'shorterNoticeAgreedOn-day'])
    assert.match(
      short.body,
      /less than 5 working days away \(4 working days&#39; notice\): enter who agreed to shorter notice/,
    )
    assert.equal(await liveMeetingOf(c), undefined)
    assertRedirect(
      await book(c, {
        ...dateFields('meetingDate', '2026-12-03'),
        shorterNoticeAgreedBy: 'Sarah Hartley, by phone',
        ...dateFields('shorterNoticeAgreedOn', '2026-11-26'),
      }),
      base(c),
    )
    const m = (await liveMeetingOf(c))!
    assert.deepEqual(
      [m.day, m.shorterNoticeAgreedBy, m.shorterNoticeAgreedOn, m.noticeSentOn],
      ['2026-12-03', 'Sarah Hartley, by phone', '2026-11-26', '2026-11-27'],
    )
    const [scheduled] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'meeting-scheduled')))
    assert.equal((scheduled!.data as { shorterNoticeAgreed: boolean }).shorterNoticeAgreed, true)
    // 5 working days is enough without agreement.
    const other = await meetingCase(t)
    assertRedirect(
      await book(other, { ...dateFields('meetingDate', '2026-12-04'), place: `room:${room2}`, breakoutRoom: '' }),
      base(other),
    )
  })

  it('books through the workflow: the meeting, the status, the notice met, and an invitation with .ics to every party and the mediator, once', async () => {
    const c = await meetingCase(t)
    const page = await coordinator.get(`${base(c)}/book`)
    const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)![1]!
    const version = /name="version" value="([^"]+)"/.exec(page.body)![1]!
    const fields = {
      ...booking({
        ...dateFields('meetingDate', '2026-12-14'),
        startTime: '10am',
        endTime: '1pm',
        place: `room:${room2}`,
        breakoutRoom: '',
      }),
      submissionKey: key,
      version,
    }
    assertRedirect(await coordinator.post(`${base(c)}/book`, fields), base(c))
    const doc = html(await coordinator.get(base(c)))
    assertRedirect(await coordinator.post(`${base(c)}/book`, fields), base(c)) // a double click
    const rows = await t.database.db.select().from(meetings).where(eq(meetings.caseId, c.id))
    assert.equal(rows.length, 1)
    const m = rows[0]!
    assert.deepEqual(
      [m.day, m.startTime, m.endTime, m.roomId, m.mediatorId, m.icsSequence],
      ['2026-12-14', '10:00', '13:00', room2, c.mediator.id, 0],
    )
    const [caseRow] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(caseRow!.status, 'meeting-arranged')
    const notice = (await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id))).find(
      (d) => d.name === 'meeting-notice',
    )
    assert.equal(notice?.status, 'met')
    const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))).map((e) => e.type)
    assert.equal(types.filter((x) => x === 'meeting-scheduled').length, 1)
    assert.equal(types.filter((x) => x === 'meeting-notice-sent').length, 1)

    const queued = await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))
    const invitations = queued.filter((q) => q.templateKey === 'meeting-invitation')
    assert.deepEqual(
      invitations.map((q) => q.recipientAddress).sort(),
      ['sarah@example.com', 'senco@brookfield.example.com', c.mediator.email].sort(),
    )
    const sarah = invitations.find((q) => q.recipientAddress === 'sarah@example.com')!
    assert.equal(sarah.subject, `Your mediation meeting on Monday 14 December 2026: ${c.reference}`)
    assert.match(sarah.body, /Monday 14 December 2026, 10am to 1pm/)
    assert.match(sarah.body, /Where: Room 2, Warrington Town Hall, Sankey Street, Warrington, WA1 1UH/)
    assert.match(sarah.body, /The venue has step-free access, a hearing loop\./)
    assert.match(sarah.body, /Help we have arranged for the meeting: An accessible venue; Uses a wheelchair/)
    assert.doesNotMatch(sarah.body, /\(\(/, 'every placeholder filled')
    const toMediator = invitations.find((q) => q.recipientAddress === c.mediator.email)!
    assert.match(toMediator.body, /Help we have arranged for the meeting: Sarah Hartley: step-free access/)
    const ics = icsOf(sarah)
    assert.equal(ics.method, 'REQUEST')
    assert.equal(ics.event.uid, m.icsUid)
    assert.equal(ics.event.sequence, 0)
    assert.equal(ics.event.startDate.toJSDate().toISOString(), '2026-12-14T10:00:00.000Z')
    assert.equal(ics.event.endDate.toJSDate().toISOString(), '2026-12-14T13:00:00.000Z')
    assert.equal(ics.event.location, 'Room 2, Warrington Town Hall, Sankey Street, Warrington, WA1 1UH')
    assert.match(ics.event.description, /Mediation meeting about Amelia Hartley/)

    assert.match(
      doc.querySelector('.govuk-notification-banner')!.text,
      /Meeting booked\. .*We have no way to send it to: the council \(Warrington Borough Council\)/,
    )
    // The page points to where the council's SEN team's address is added.
    assert.equal(
      doc.querySelector('#council-contact a')?.getAttribute('href'),
      `/cases/${c.id}/progress/council-contact`,
    )
    const details = doc.getElementById('meeting-details')!.text.replace(/\s+/g, ' ')
    assert.match(details, /Date Monday 14 December 2026 Time 10am to 1pm Where Room 2, Warrington Town Hall/)
    assert.match(details, /Notice Sent to everyone on Friday 27 November 2026: 11 working days before the meeting\./)
    assert.match(details, /Reasonable adjustments \(for the mediator and the venue\) Sarah Hartley: step-free access/)
    assertRedirect(await coordinator.get(`${base(c)}/book`), `${base(c)}/move`)
  })

  it("refuses a booking without the form's one-time key, booking and sending nothing", async () => {
    const c = await meetingCase(t)
    const page = await coordinator.get(`${base(c)}/book`)
    const version = /name="version" value="([^"]+)"/.exec(page.body)![1]!
    const res = await coordinator.post(`${base(c)}/book`, {
      ...booking({ place: `room:${room2}`, breakoutRoom: '' }),
      version,
    })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date\. Reload the page and try again\./,
    )
    assert.equal(await liveMeetingOf(c), undefined)
    assert.equal((await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).length, 0)
  })

  it('refuses a room or mediator already booked at an overlapping time, and a day the mediator is away', async () => {
    const first = await meetingCase(t)
    assertRedirect(
      await book(first, {
        ...dateFields('meetingDate', '2026-12-15'),
        startTime: '10:00',
        endTime: '12:00',
        place: `room:${room1}`,
        breakoutRoom: breakout,
      }),
      base(first),
    )
    const second = await meetingCase(t)
    const roomClash = await book(second, {
      ...dateFields('meetingDate', '2026-12-15'),
      startTime: '11:00',
      endTime: '13:00',
      place: `room:${room1}`,
      breakoutRoom: '',
    })
    assertFormErrors(roomClash, ['place'])
    assert.match(
      roomClash.body,
      /Room 1 at Warrington Town Hall is already booked from 10am to 12pm on Tuesday 15 December 2026/,
    )
    const breakoutClash = await book(second, {
      ...dateFields('meetingDate', '2026-12-15'),
      startTime: '11:00',
      endTime: '13:00',
      place: `room:${room2}`,
      breakoutRoom: breakout,
    })
    assertFormErrors(breakoutClash, ['breakoutRoom'])
    assertRedirect(
      await book(second, {
        ...dateFields('meetingDate', '2026-12-15'),
        startTime: '12:00',
        endTime: '14:00',
        place: `room:${room1}`,
        breakoutRoom: breakout,
      }),
      base(second),
    )

    const sameMediator = await meetingCase(t, { mediator: first.mediator })
    const mediatorClash = await book(sameMediator, {
      ...dateFields('meetingDate', '2026-12-15'),
      startTime: '9am',
      endTime: '10:30',
      place: `online:${online}`,
      breakoutRoom: '',
    })
    assertFormErrors(mediatorClash, ['startTime'])
    assert.match(
      mediatorClash.body,
      /Maya Mediator already has a meeting from 10am to 12pm on Tuesday 15 December 2026/,
    )
    await t.database.db
      .insert(mediatorUnavailability)
      .values({ mediatorId: first.mediator.id, fromDate: '2026-12-16', toDate: '2026-12-18', note: 'Training' })
    const away = await book(sameMediator, {
      ...dateFields('meetingDate', '2026-12-17'),
      place: `online:${online}`,
      breakoutRoom: '',
    })
    assertFormErrors(away, ['meetingDate-day'])
    assert.match(away.body, /Maya Mediator is not available on Thursday 17 December 2026/)
    assertRedirect(
      await book(sameMediator, {
        ...dateFields('meetingDate', '2026-12-21'),
        place: `online:${online}`,
        breakoutRoom: '',
      }),
      base(sameMediator),
    )
    const m = (await liveMeetingOf(sameMediator))!
    assert.equal(m.onlineLink, 'https://meet.example.com/parley')
    assert.equal(m.roomId, null)
  })

  it('refuses to book before every party is contacted, with the workflow saying why', async () => {
    const c = await meetingCase(t, { contact: false })
    const res = await book(c, { ...dateFields('meetingDate', '2026-12-22'), place: `room:${room2}`, breakoutRoom: '' })
    assertFormErrors(res, ['meetingDate-day'])
    assert.match(res.body, /Contact every party before arranging the meeting/)
    assert.equal(await liveMeetingOf(c), undefined)
  })

  it('needs no separate "Start preparation": the page says what the booking waits for, and the contacts start preparation', async () => {
    const c = await meetingCase(t, { contact: false, startPreparation: false })
    const statusOf = async () => (await t.database.db.select().from(cases).where(eq(cases.id, c.id)))[0]!.status
    assert.equal(await statusOf(), 'mediator-allocated')
    const before = html(await coordinator.get(`${base(c)}/book`))
    const notYet = before.getElementById('not-yet')!
    assert.match(notYet.text, /The meeting cannot be booked yet\. Contact every party before arranging the meeting/)
    assert.doesNotMatch(notYet.text, /Start preparation/)
    assert.deepEqual(
      notYet.querySelectorAll('a').map((a) => a.getAttribute('href')),
      [`/cases/${c.id}/preparation/contacts`],
    )
    const [by] = await t.database.db.select().from(users).limit(1)
    await contactEveryParty(t.database, t.clock, c.id, by!)
    assert.equal(await statusOf(), 'preparation', 'the first contact started preparation')
    const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))).map((e) => e.type)
    assert.equal(types.filter((type) => type === 'preparation-started').length, 1)
    assert.equal(html(await coordinator.get(`${base(c)}/book`)).getElementById('not-yet'), null)
    const res = await book(c, { ...dateFields('meetingDate', '2026-12-16'), place: `room:${room2}`, breakoutRoom: '' })
    assertRedirect(res)
    assert.equal(await statusOf(), 'meeting-arranged')
  })

  it('moves the meeting (same UID, higher sequence, an update to everyone) and refuses a stale form', async () => {
    const c = await meetingCase(t)
    assertRedirect(
      await book(c, { ...dateFields('meetingDate', '2026-12-10'), place: `room:${room2}`, breakoutRoom: '' }),
      base(c),
    )
    const before = (await liveMeetingOf(c))!
    const page = await coordinator.get(`${base(c)}/move`)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Move the meeting - /)
    assert.equal(html(page).getElementById('meetingDate-day')!.getAttribute('value'), '10')
    assert.equal(html(page).getElementById('startTime')!.getAttribute('value'), '9:30am')
    const stale = Object.fromEntries(
      [...page.body.matchAll(/name="(version|meetingVersion)" value="([^"]+)"/g)].map((x) => [x[1], x[2]]),
    )
    assertFormErrors(
      await coordinator.post(`${base(c)}/move`, {
        ...booking({
          ...dateFields('meetingDate', '2026-12-11'),
          place: `room:${room2}`,
          breakoutRoom: '',
          startTime: '',
        }),
        ...stale,
      }),
      ['startTime'],
    )
    assertRedirect(
      await coordinator.post(`${base(c)}/move`, {
        ...booking({
          ...dateFields('meetingDate', '2026-12-11'),
          place: `room:${room2}`,
          breakoutRoom: '',
          startTime: '2pm',
          endTime: '4:30pm',
        }),
        ...stale,
      }),
      base(c),
    )
    const after = (await liveMeetingOf(c))!
    assert.equal(after.id, before.id)
    assert.equal(after.icsUid, before.icsUid)
    assert.equal(after.icsSequence, 1)
    assert.deepEqual([after.day, after.startTime, after.endTime], ['2026-12-11', '14:00', '16:30'])
    // The same form again, from the page before the move: someone changed it meanwhile.
    const again = await coordinator.post(`${base(c)}/move`, {
      ...booking({ ...dateFields('meetingDate', '2026-12-18'), place: `room:${room2}`, breakoutRoom: '' }),
      ...stale,
    })
    assert.equal(again.statusCode, 409)
    assert.match(again.body, /Someone else changed this case while you were working on it/)
    assert.equal((await liveMeetingOf(c))!.day, '2026-12-11')

    const updates = (await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).filter(
      (q) => q.templateKey === 'meeting-update',
    )
    assert.equal(updates.length, 3)
    const sarah = updates.find((q) => q.recipientAddress === 'sarah@example.com')!
    assert.match(sarah.subject, /has changed: now Friday 11 December 2026/)
    assert.match(sarah.body, /Friday 11 December 2026, 2pm to 4:30pm/)
    const ics = icsOf(sarah)
    assert.equal(ics.method, 'REQUEST')
    assert.equal(ics.event.uid, before.icsUid)
    assert.equal(ics.event.sequence, 1)
    assert.equal(ics.event.startDate.toJSDate().toISOString(), '2026-12-11T14:00:00.000Z')
    const scheduled = (
      await t.database.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'meeting-scheduled')))
        .orderBy(asc(caseEvents.id))
    ).map((e) => e.data as { meetingDate: string; rescheduled?: boolean })
    assert.deepEqual(
      scheduled.map((d) => [d.meetingDate, d.rescheduled === true]),
      [
        ['2026-12-10', false],
        ['2026-12-11', true],
      ],
    )
    const deadline = await createWorkflowService({ db: t.database.db, clock: t.clock }).deadlinesOf(c.id)
    assert.equal(deadline.find((d) => d.name === 'meeting-notice')?.status, 'met')
  })

  it('cancels the meeting with a reason: a CANCEL with a higher sequence to everyone, and it can be booked again', async () => {
    const c = await meetingCase(t)
    assertRedirect(
      await book(c, { ...dateFields('meetingDate', '2026-12-22'), place: `room:${room2}`, breakoutRoom: '' }),
      base(c),
    )
    const booked = (await liveMeetingOf(c))!
    const page = await coordinator.get(`${base(c)}/cancel`)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Cancel the meeting - /)
    const res = await coordinator.post(`${base(c)}/cancel`, {
      version: /name="version" value="([^"]+)"/.exec(page.body)![1]!,
      meetingVersion: String(booked.version),
      reason: ' ',
    })
    assertFormErrors(res, ['reason'])
    assert.match(res.body, /Enter why the meeting is cancelled/)
    assertRedirect(
      await coordinator.submit(`${base(c)}/cancel`, {
        version: /name="version" value="([^"]+)"/.exec(page.body)![1]!,
        meetingVersion: String(booked.version),
        reason: 'The council officer is ill.',
      }),
      base(c),
    )
    const [row] = await t.database.db.select().from(meetings).where(eq(meetings.id, booked.id))
    assert.ok(row!.cancelledAt)
    assert.equal(row!.icsSequence, 1)
    assert.equal(row!.cancelReason, 'The council officer is ill.')
    const cancellations = (await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).filter(
      (q) => q.templateKey === 'meeting-cancellation',
    )
    assert.equal(cancellations.length, 3)
    const sarah = cancellations.find((q) => q.recipientAddress === 'sarah@example.com')!
    assert.match(
      sarah.body,
      /on Tuesday 22 December 2026, 9:30am to 12pm, will not go ahead\.\s+Why: The council officer is ill\./,
    )
    const ics = icsOf(sarah)
    assert.equal(ics.method, 'CANCEL')
    assert.equal(ics.status, 'CANCELLED')
    assert.equal(ics.event.uid, booked.icsUid)
    assert.equal(ics.event.sequence, 1)
    const doc = html(await coordinator.get(base(c)))
    assert.match(
      doc.getElementById('cancelled-meeting')!.text,
      /The meeting on Tuesday 22 December 2026 was cancelled\. Reason: The council officer is ill\./,
    )
    const timeline = await coordinator.get(`/cases/${c.id}/timeline`)
    assert.match(timeline.body, /The meeting on Tuesday 22 December 2026 was cancelled/)
    assert.match(timeline.body, /Meeting arranged for Tuesday 22 December 2026/)
    assert.match(timeline.body, /Where: Room 2, Warrington Town Hall/)
    // The case goes back to preparation, with no notice owed for the cancelled date.
    const [afterCancel] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(afterCancel!.status, 'preparation')
    const notice = await t.database.db
      .select()
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, c.id), eq(caseDeadlines.name, 'meeting-notice')))
    assert.equal(notice.length, 0)
    assertRedirect(
      await book(c, { ...dateFields('meetingDate', '2026-12-23'), place: `room:${room2}`, breakoutRoom: '' }),
      base(c),
    )
    assert.equal((await liveMeetingOf(c))!.day, '2026-12-23')
  })
})
