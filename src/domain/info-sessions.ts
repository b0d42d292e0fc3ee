// Information sessions: who they are for, when one is open to book, and England's clock times as
// instants. Pure: the caller passes the time.
import type { IsoDate } from './dates.ts'
import type { ClockTime } from './meeting-times.ts'

export const audienceLabels = {
  parents: 'Parents and carers',
  'young-people': 'Young people',
  professionals: 'Professionals',
} as const
export type Audience = keyof typeof audienceLabels
export const audiences = Object.keys(audienceLabels) as [Audience, ...Audience[]]

export type SessionMode = 'in-person' | 'online'

const londonParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
})

/** What a London wall clock reads at this instant, as if it were UTC (for working out the offset). */
function wallClockMs(at: Date): number {
  const p = Object.fromEntries(londonParts.formatToParts(at).map((x) => [x.type, x.value]))
  return Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute))
}

/** The instant a London date and time of day stands for (GMT in winter, BST in summer). */
export function londonInstant(day: IsoDate, time: ClockTime): Date {
  const [y, m, d] = day.split('-').map(Number)
  const [h, mi] = time.split(':').map(Number)
  const asUtc = Date.UTC(y!, m! - 1, d!, h!, mi!)
  const first = asUtc - (wallClockMs(new Date(asUtc)) - asUtc)
  // Near a change of the clocks the offset at the answer may differ from the guess's: use the answer's.
  return new Date(asUtc - (wallClockMs(new Date(first)) - first))
}

/** A London instant as its date and time of day ('YYYY-MM-DD', 'HH:MM'). */
export function londonDayAndTime(at: Date): { day: IsoDate; time: ClockTime } {
  const p = Object.fromEntries(londonParts.formatToParts(at).map((x) => [x.type, x.value]))
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` }
}

export type BookingState = 'open' | 'full' | 'closed' | 'cancelled'

/** Whether people can book now: a place, the waiting list (full), or neither. */
export function bookingState(
  session: { cancelledAt: Date | null; bookingClosesAt: Date; startsAt: Date; capacity: number },
  booked: number,
  now: Date,
): BookingState {
  if (session.cancelledAt) return 'cancelled'
  if (now >= session.bookingClosesAt || now >= session.startsAt) return 'closed'
  return booked >= session.capacity ? 'full' : 'open'
}

/** Who booked, for "one live booking each": the email in lower case, or the phone number's digits. */
export function contactKeyOf(channel: 'email' | 'text', email: string, phone: string): string {
  if (channel === 'email') return `email:${email.trim().toLowerCase()}`
  const digits = phone.replace(/\D/g, '').replace(/^44/, '0')
  return `text:${digits}`
}
