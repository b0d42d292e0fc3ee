// Calendar invitations (.ics, RFC 5545/5546) for a meeting: a REQUEST when it is booked or moved
// (the same UID each time, a higher SEQUENCE), a CANCEL when it is called off. Times are England's
// local time with a Europe/London time zone definition, so calendars show them right all year.
// Pure: the caller passes the time stamp.
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator'
import type { IsoDate } from './dates.ts'
import type { ClockTime } from './meeting-times.ts'

/** Europe/London since 1996: GMT in winter, BST from the last Sunday of March to the last Sunday of October. */
export const EUROPE_LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n')

export interface MeetingInvitation {
  method: 'REQUEST' | 'CANCEL'
  uid: string
  sequence: number
  day: IsoDate
  start: ClockTime
  end: ClockTime
  summary: string
  location: string
  description: string
  /** A link for an online meeting. */
  url?: string
  organizer?: { name: string; email: string }
  attendees: { name: string; email: string }[]
  /** When this version of the invitation was made (DTSTAMP). */
  stamp: Date
}

const local = (day: IsoDate, time: ClockTime) => `${day}T${time}:00`

/** The .ics text of one invitation, update or cancellation. */
export function meetingIcs(invitation: MeetingInvitation): string {
  const calendar = ical({
    prodId: { company: 'Parley', product: 'Meetings', language: 'EN' },
    method: invitation.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  })
  calendar.createEvent({
    id: invitation.uid,
    sequence: invitation.sequence,
    stamp: invitation.stamp,
    start: local(invitation.day, invitation.start),
    end: local(invitation.day, invitation.end),
    timezone: 'Europe/London',
    summary: invitation.summary,
    location: invitation.location,
    description: invitation.description,
    url: invitation.url ?? null,
    status: invitation.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: invitation.organizer ?? null,
    attendees: invitation.attendees.map((a) => ({
      name: a.name,
      email: a.email,
      role: ICalAttendeeRole.REQ,
      status: ICalAttendeeStatus.NEEDSACTION,
      rsvp: invitation.method === 'REQUEST',
    })),
  })
  // The event names its zone (TZID=Europe/London); the calendar carries the zone's definition.
  return calendar.toString().replace('BEGIN:VEVENT', `${EUROPE_LONDON_VTIMEZONE}\r\nBEGIN:VEVENT`)
}

/** As an outbox attachment: base64, named for the calendar program to recognise. */
export function icsAttachment(invitation: MeetingInvitation) {
  const method = invitation.method === 'CANCEL' ? 'CANCEL' : 'REQUEST'
  return {
    filename: invitation.method === 'CANCEL' ? 'meeting-cancelled.ics' : 'meeting.ics',
    contentType: `text/calendar; charset=utf-8; method=${method}`,
    content: Buffer.from(meetingIcs(invitation), 'utf8').toString('base64'),
  }
}
