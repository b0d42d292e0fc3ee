// When every party can come to the meeting: each party's availability over the coming weeks, and
// the days that suit them all. A party who has not said is "not given yet", never assumed free.
// Pure: callers pass today and the calendar.
import type { Calendar } from './calendar.ts'
import { addDays, compare, type IsoDate } from './dates.ts'

export const AVAILABILITY = ['all-day', 'morning', 'afternoon', 'unavailable'] as const
export type Availability = (typeof AVAILABILITY)[number]

/** In words, never by colour alone. */
export const availabilityLabels: Record<Availability, string> = {
  'all-day': 'Available all day',
  morning: 'Morning only',
  afternoon: 'Afternoon only',
  unavailable: 'Not available',
}
export const NOT_GIVEN = 'Not given yet'

export function isAvailability(value: unknown): value is Availability {
  return typeof value === 'string' && (AVAILABILITY as readonly string[]).includes(value)
}

/** The part of the day a meeting can use: the whole day, or only a morning or an afternoon. */
export type Session = 'all-day' | 'morning' | 'afternoon'

export const sessionLabels: Record<Session, string> = {
  'all-day': 'All day',
  morning: 'Morning',
  afternoon: 'Afternoon',
}

/** Two answers together: the part of the day both can make, or undefined when there is none. */
export function meet(a: Session | undefined, b: Availability): Session | undefined {
  if (a === undefined || b === 'unavailable') return undefined
  if (a === 'all-day') return b
  if (b === 'all-day' || b === a) return a
  return undefined
}

/** The working days after today, over the coming weeks (4 unless said). */
export function comingWorkingDays(today: IsoDate, calendar: Calendar, weeks = 4): IsoDate[] {
  const days: IsoDate[] = []
  for (let day = addDays(today, 1); compare(day, addDays(today, weeks * 7)) <= 0; day = addDays(day, 1)) {
    if (calendar.isWorkingDay(day)) days.push(day)
  }
  return days
}

export interface AvailabilityEntry {
  partyId: string
  day: IsoDate
  availability: Availability
}

/**
 * everyone: every party can come (in `session`). not-everyone: someone cannot, or no part of the
 * day suits all. waiting: those who answered can all come, but some have not said yet.
 */
export type DayVerdict = 'everyone' | 'not-everyone' | 'waiting'

export interface DayAvailability {
  day: IsoDate
  /** Each party's answer in the order given, or undefined when they have not given one. */
  answers: { partyId: string; availability: Availability | undefined }[]
  verdict: DayVerdict
  /** The part of the day everyone who answered can make (when the verdict is not not-everyone). */
  session?: Session
  /** Parties who have not said for this day. */
  notGiven: string[]
}

export function dayAvailability(
  day: IsoDate,
  partyIds: readonly string[],
  entries: readonly AvailabilityEntry[],
): DayAvailability {
  const answers = partyIds.map((partyId) => ({
    partyId,
    availability: entries.find((e) => e.partyId === partyId && e.day === day)?.availability,
  }))
  const notGiven = answers.filter((a) => a.availability === undefined).map((a) => a.partyId)
  let session: Session | undefined = 'all-day'
  for (const answer of answers) if (answer.availability !== undefined) session = meet(session, answer.availability)
  if (session === undefined) return { day, answers, verdict: 'not-everyone', notGiven }
  if (partyIds.length === 0 || notGiven.length > 0) return { day, answers, verdict: 'waiting', session, notGiven }
  return { day, answers, verdict: 'everyone', session, notGiven }
}

/** Each day with every party's answer and whether it suits everyone. */
export function availabilityGrid(
  days: readonly IsoDate[],
  partyIds: readonly string[],
  entries: readonly AvailabilityEntry[],
): DayAvailability[] {
  return days.map((day) => dayAvailability(day, partyIds, entries))
}

/** The days every party said they can make, in date order: the whole day first among equals is not implied. */
export function datesThatSuitEveryone(
  days: readonly IsoDate[],
  partyIds: readonly string[],
  entries: readonly AvailabilityEntry[],
): DayAvailability[] {
  return availabilityGrid(days, partyIds, entries).filter((d) => d.verdict === 'everyone')
}
