import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import ICAL from 'ical.js'
import { icsAttachment, meetingIcs, type MeetingInvitation } from './meeting-ics.ts'

const base: MeetingInvitation = {
  method: 'REQUEST',
  uid: 'meeting-1@parley',
  sequence: 0,
  day: '2026-12-09',
  start: '09:30',
  end: '12:00',
  summary: 'Mediation meeting for Amelia Hartley',
  location: 'Warrington Town Hall, Sankey Street, Warrington WA1 1UH (Room 2)',
  description: 'Step-free access; a hearing loop.\nBring your papers.',
  organizer: { name: 'SEN mediation service', email: 'mediation@example.com' },
  attendees: [
    { name: 'Sarah Hartley', email: 'sarah@example.com' },
    { name: 'Maya Mediator', email: 'maya@example.com' },
  ],
  stamp: new Date('2026-11-27T10:00:00Z'),
}

/** Parses with ical.js, registering the zone the file defines, as a calendar program would. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  for (const zone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone)
  const vevent = calendar.getFirstSubcomponent('vevent')!
  return { calendar, vevent, event: new ICAL.Event(vevent) }
}

describe('meeting invitations as .ics', () => {
  it('is a REQUEST with the UID, sequence, times in Europe/London, place and description', () => {
    const { calendar, vevent, event } = parse(meetingIcs(base))
    assert.equal(calendar.getFirstPropertyValue('method'), 'REQUEST')
    assert.equal(event.uid, 'meeting-1@parley')
    assert.equal(event.sequence, 0)
    assert.equal(event.startDate.zone?.tzid, 'Europe/London')
    assert.equal(vevent.getFirstProperty('dtstart')!.getParameter('tzid'), 'Europe/London')
    assert.equal(event.startDate.toJSDate().toISOString(), '2026-12-09T09:30:00.000Z') // GMT in December
    assert.equal(event.endDate.toJSDate().toISOString(), '2026-12-09T12:00:00.000Z')
    assert.equal(event.location, base.location)
    assert.equal(event.description, base.description)
    assert.equal(event.summary, base.summary)
    assert.equal(vevent.getFirstPropertyValue('status'), 'CONFIRMED')
    assert.deepEqual(
      event.attendees.map((a) => String(a.getFirstValue()).toLowerCase()),
      ['mailto:sarah@example.com', 'mailto:maya@example.com'],
    )
    assert.equal(String(event.organizer).toLowerCase(), 'mailto:mediation@example.com')
    assert.equal(vevent.getFirstPropertyValue('dtstamp')!.toString(), '2026-11-27T10:00:00Z')
  })

  it('keeps local time in summer: 9:30am BST is 8:30 UTC', () => {
    const { event } = parse(meetingIcs({ ...base, day: '2027-06-16' }))
    assert.equal(event.startDate.toJSDate().toISOString(), '2027-06-16T08:30:00.000Z')
  })

  it('an update has the same UID and a higher sequence; a cancellation is METHOD:CANCEL, STATUS:CANCELLED', () => {
    const first = parse(meetingIcs(base)).event
    const moved = parse(meetingIcs({ ...base, sequence: 1, day: '2026-12-10', start: '13:00', end: '15:30' }))
    assert.equal(moved.event.uid, first.uid)
    assert.ok(moved.event.sequence > first.sequence)
    assert.equal(moved.event.startDate.toJSDate().toISOString(), '2026-12-10T13:00:00.000Z')
    const cancelled = parse(meetingIcs({ ...base, method: 'CANCEL', sequence: 2 }))
    assert.equal(cancelled.calendar.getFirstPropertyValue('method'), 'CANCEL')
    assert.equal(cancelled.vevent.getFirstPropertyValue('status'), 'CANCELLED')
    assert.equal(cancelled.event.uid, first.uid)
    assert.equal(cancelled.event.sequence, 2)
  })

  it('escapes commas, semicolons and new lines, and carries an online link', () => {
    const { event, vevent } = parse(
      meetingIcs({
        ...base,
        location: 'Online; a link, below',
        url: 'https://meet.example.com/abc?x=1',
        description: 'One;\ntwo, three',
      }),
    )
    assert.equal(event.location, 'Online; a link, below')
    assert.equal(event.description, 'One;\ntwo, three')
    assert.equal(vevent.getFirstPropertyValue('url'), 'https://meet.example.com/abc?x=1')
  })

  it('attaches as base64 text/calendar with the method', () => {
    const attachment = icsAttachment(base)
    assert.equal(attachment.filename, 'meeting.ics')
    assert.match(attachment.contentType, /^text\/calendar; charset=utf-8; method=REQUEST$/)
    assert.equal(parse(Buffer.from(attachment.content, 'base64').toString('utf8')).event.uid, base.uid)
    assert.match(icsAttachment({ ...base, method: 'CANCEL' }).contentType, /method=CANCEL/)
  })
})
