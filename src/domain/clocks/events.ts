// The case events the clocks read, and a case's history as the clocks see it: the known events
// in date order, with the ways they look things up in it.
import { appealSubjectOf, placementOnly } from '../appeal-subject.ts'
import { compare, isValidIsoDate, type IsoDate } from '../dates.ts'

export const CASE_EVENT_TYPES = [
  'scope-decided',
  'decision-letter-sent',
  'adviser-contacted',
  'mediation-declined',
  'mediation-requested',
  'health-body-notified',
  'cannot-arrange',
  'meeting-scheduled',
  'meeting-cancelled',
  'meeting-notice-sent',
  'mediation-concluded',
  'withdrawn',
  'reopened',
  'certificate-issued',
] as const
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number]

/** Events of other types are ignored, so a case's whole history can be passed in. */
export interface CaseEvent {
  type: string
  date: IsoDate
  data?: Record<string, unknown>
}

export interface EventRef {
  type: CaseEventType
  date: IsoDate
}

export interface KnownEvent extends EventRef {
  data: Record<string, unknown>
}

export function ref(event: KnownEvent): EventRef {
  return { type: event.type, date: event.date }
}

function isKnownType(type: string): type is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(type)
}

export interface History {
  /** The events of known types, oldest first. */
  events: readonly KnownEvent[]
  /** A decision letter recorded again is a correction: the last one recorded is the letter. */
  letter: KnownEvent | undefined
  /**
   * The last scope decision says the appeal is only about the school or placement named
   * (section I): no adviser contact and no certificate are needed (domain/appeal-subject.ts).
   */
  placementOnly: boolean
  /** Events of these types, oldest first, on or after a date if one is given. */
  ofType(types: readonly CaseEventType[], onOrAfter?: IsoDate): KnownEvent[]
  first(types: readonly CaseEventType[], onOrAfter?: IsoDate): KnownEvent | undefined
  last(types: readonly CaseEventType[]): KnownEvent | undefined
}

/** Throws RangeError on an event with a malformed date. */
export function historyOf(events: readonly CaseEvent[]): History {
  const known: KnownEvent[] = []
  for (const event of events) {
    if (!isValidIsoDate(event.date))
      throw new RangeError(`Event "${event.type}" has an invalid date: ${JSON.stringify(event.date)}`)
    if (isKnownType(event.type)) known.push({ type: event.type, date: event.date, data: event.data ?? {} })
  }
  // Taken in the order recorded, before sorting by date.
  const letter = known.filter((e) => e.type === 'decision-letter-sent').at(-1)
  const scope = known.filter((e) => e.type === 'scope-decided').at(-1)
  // Stable sort: same-day events of one type keep the caller's order (the later one passed in counts as later).
  known.sort((a, b) => compare(a.date, b.date))
  const ofType = (types: readonly CaseEventType[], onOrAfter?: IsoDate) =>
    known.filter((e) => types.includes(e.type) && (onOrAfter === undefined || compare(e.date, onOrAfter) >= 0))
  return {
    events: known,
    letter,
    placementOnly: placementOnly(appealSubjectOf(scope?.data.appealSubject)),
    ofType,
    first: (types, onOrAfter) => ofType(types, onOrAfter)[0],
    last: (types) => ofType(types).at(-1),
  }
}
