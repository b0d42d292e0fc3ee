// The messages to a person booked (or waiting), queued in the caller's transaction through the
// outbox, by the channel they chose. Those about a place carry the session's .ics by email: the
// same UID every time, its current sequence, a CANCEL when it is off for them.
import { createHash, createHmac } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { icsAttachment } from '../../domain/meeting-ics.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { providerContact, reachableAt } from '../../web/provider.ts'
import { queueMessage } from '../messages/index.ts'
import type { BookingRow, SessionCouncil, SessionRow, VenueRow } from './repository.ts'
import { sessionTemplates } from './templates.ts'
import { accessText, dateText, placeText, timeText } from './words.ts'

export interface LinkDeps {
  /** The address people reach Parley at (PUBLIC_URL). */
  publicUrl: string
  /** The server's secret: a booking's link is worked out from it and the booking's id. */
  linkSecret: string
}

/** The token in a booking's link: unguessable without the server's secret, the same each time. */
export const bookingToken = (links: LinkDeps, bookingId: string) =>
  createHmac('sha256', `info-session-link:${links.linkSecret}`).update(bookingId).digest('base64url')

export const tokenHashOf = (token: string) => createHash('sha256').update(token).digest('hex')

export const bookingLink = (links: LinkDeps, councilCode: string, bookingId: string) =>
  `${links.publicUrl.replace(/\/$/, '')}/services/${councilCode}/sessions/bookings/${bookingToken(links, bookingId)}`

export type NoticeKind =
  | 'session-booked'
  | 'session-waiting'
  | 'session-moved-up'
  | 'session-reminder'
  | 'session-changed'
  | 'session-cancelled'
  | 'session-booking-cancelled'
  | 'session-message'

/** Which messages carry the calendar file, and which of them take the session out of the calendar. */
const withIcs: Partial<Record<NoticeKind, 'REQUEST' | 'CANCEL'>> = {
  'session-booked': 'REQUEST',
  'session-moved-up': 'REQUEST',
  'session-changed': 'REQUEST',
  'session-cancelled': 'CANCEL',
  'session-booking-cancelled': 'CANCEL',
}
/** Only these tell a person with a place how to join online. */
const withLink: NoticeKind[] = ['session-booked', 'session-moved-up', 'session-reminder', 'session-changed']

export interface Placed {
  session: SessionRow
  council: SessionCouncil
  venue: VenueRow | null
}

export async function tellBooking(
  tx: Tx,
  clock: Clock,
  links: LinkDeps,
  placed: Placed,
  booking: BookingRow,
  kind: NoticeKind,
  extra: {
    reason?: string
    message?: string
    createdBy?: string | null
    dedupeKey?: string
    /** false: no calendar file (a person on the waiting list never had the session in theirs). */
    calendar?: boolean
  } = {},
) {
  const { session, venue } = placed
  // A council with no phone or email of its own is reached through the provider's.
  const council = reachableAt(placed.council, await providerContact(tx))
  const online = session.mode === 'online' && withLink.includes(kind) && booking.status === 'booked'
  const values: Record<string, string> = {
    name: booking.name,
    title: session.title,
    date: dateText(session),
    time: timeText(session),
    place: session.mode === 'online' ? 'Online' : placeText(session, venue),
    access: accessText(session, venue),
    'online-link': online ? `Join online: ${session.onlineLink}` : '',
    adjustments: booking.adjustments || 'None. Tell us if you need anything.',
    'cancel-link': bookingLink(links, council.code, booking.id),
    reason: extra.reason ?? '',
    message: extra.message ?? '',
    'service-name': council.serviceName,
    'service-phone': council.phone,
    'service-email': council.email,
    'opening-hours': council.openingHours,
  }
  const method = extra.calendar === false ? undefined : withIcs[kind]
  const attachments =
    method && booking.channel === 'email' && booking.email
      ? [
          {
            ...icsAttachment({
              method,
              uid: session.icsUid,
              sequence: session.icsSequence,
              day: session.day,
              start: session.startTime,
              end: session.endTime,
              summary: session.title,
              location: values.place!,
              description: [session.description, values.access, values['online-link']].filter(Boolean).join('\n'),
              ...(online && session.onlineLink ? { url: session.onlineLink } : {}),
              ...(council.email ? { organizer: { name: council.serviceName, email: council.email } } : {}),
              attendees: [{ name: booking.name, email: booking.email }],
              stamp: clock.now(),
            }),
            filename: method === 'CANCEL' ? 'session-cancelled.ics' : 'session.ics',
          },
        ]
      : []
  return queueMessage(tx, clock, {
    to: { name: booking.name, email: booking.email, phone: booking.phone },
    channel: booking.channel === 'text' ? 'text' : 'email',
    template: templateNamed(sessionTemplates, kind),
    values,
    attachments,
    dedupeKey: extra.dedupeKey,
    createdBy: extra.createdBy ?? undefined,
  })
}
