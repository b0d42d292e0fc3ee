// How long what has ended is kept, and what anonymising leaves of it. Pure: no I/O, no clock.
//
// The defaults (a council may set its own, src/features/retention):
// - A case (the family chose or declined mediation, or the other parties were asked): 6 years
//   after it ended. The Limitation Act 1980 gives 6 years to bring a claim in contract or
//   negligence (ss.2 and 5), so the record of what was done is kept for as long as it may be needed
//   to answer one; it also covers a later tribunal appeal or complaint about the same decision.
// - An enquiry that never became a case (signposted, out of scope, or it went no further): 1 year
//   after it ended: long enough to answer a complaint about it (the Civil Mediation Council takes
//   one within 6 months of the events) and to see someone who comes back, no longer.
// Anonymising keeps every fact a report counts (dates, kinds, channels, outcomes, councils and how
// many) and removes names, contact details, free text and documents.
import { addMonths, type IsoDate } from './dates.ts'

export type RetentionKind = 'enquiry' | 'case'

export interface RetentionSchedule {
  enquiryMonths: number
  caseMonths: number
}

export const defaultRetention: RetentionSchedule = { enquiryMonths: 12, caseMonths: 72 }

/** The longest a council may set (50 years), and the shortest (a month). */
export const RETENTION_MONTHS = { min: 1, max: 600 } as const

/** The legal holds' reasons: while one is open the case is kept whole. */
export const holdReasons = {
  complaint: 'A complaint is open',
  'tribunal-appeal': 'An appeal to the SEND Tribunal is open',
  'legal-claim': 'A legal claim is made or expected',
} as const
export type HoldReason = keyof typeof holdReasons

/** Cases of this kind that ended on or before this day are due to be anonymised today. */
export function endedOnOrBefore(today: IsoDate, months: number): IsoDate {
  return addMonths(today, -months)
}

/** The day a case that ended on `closedOn` is anonymised. */
export function anonymiseOn(closedOn: IsoDate, months: number): IsoDate {
  return addMonths(closedOn, months)
}

/** What anonymising writes in place of anything personal. */
export const REMOVED = '[removed]'

// Fields that hold a person's details whatever they look like (a date of birth looks like a date).
const personalKeys = new Set([
  'name',
  'childName',
  'parentName',
  'partyName',
  'recipient',
  'recipientName',
  'email',
  'phone',
  'address',
  'postcode',
  'dateOfBirth',
  'givenBy',
  'thirdParty',
  'responsibleName',
  'organisation',
  'setting',
])

// Fields that hold no one's personal data (the council, a venue, an agency, the staff who did it),
// kept whatever they look like.
const factKeys = new Set(['localAuthority', 'agencyName', 'venue', 'mediator', 'replaces', 'toName', 'fromName'])

// A value that is a fact: a kind or state ('local-authority', 'no-answer'), a date, a time or an id.
const token = /^[a-z][a-z0-9]*(?:[-_][a-z0-9]+)*$/
const isoDate = /^\d{4}-\d{2}-\d{2}(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
const time = /^\d{2}:\d{2}$/
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

function isFact(value: string): boolean {
  return (
    value === '' ||
    value === REMOVED ||
    (value.length <= 40 && token.test(value)) ||
    isoDate.test(value) ||
    time.test(value) ||
    uuid.test(value)
  )
}

export type JsonPath = string[]

/**
 * The paths of the personal values inside a JSON value: every string that is not a fact (words,
 * names, addresses, numbers written as text), and every value of a personal field. Numbers,
 * booleans and nulls are facts (counts, answers). An empty text stays empty (a report counts the
 * comments that were written).
 */
export function personalPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => personalPaths(v, [...path, String(i)]))
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, v]) => {
      if (factKeys.has(key)) return []
      if (personalKeys.has(key) && v !== null && v !== '' && v !== REMOVED) return [[...path, key]]
      return personalPaths(v, [...path, key])
    })
  }
  if (typeof value === 'string' && !isFact(value)) return [path]
  return []
}

/** The value with every personal path replaced by REMOVED (what audit_redact does in SQL). */
export function withoutPersonal<T>(value: T): T {
  const paths = personalPaths(value)
  if (!paths.length) return value
  const copy = structuredClone(value) as unknown
  for (const path of paths) {
    if (!path.length) return REMOVED as T
    let at = copy as Record<string, unknown>
    for (const key of path.slice(0, -1)) at = at[key] as Record<string, unknown>
    at[path.at(-1)!] = REMOVED
  }
  return copy as T
}

/** A date of birth anonymised: the year alone (1 January), so an age band can still be worked out. */
export function birthYearOnly(dateOfBirth: IsoDate): IsoDate {
  return `${dateOfBirth.slice(0, 4)}-01-01`
}

/** A postcode anonymised: its district alone ("WA1 1AA" becomes "WA1"), the council's area. */
export function postcodeDistrict(postcode: string): string {
  const outward = postcode.trim().toUpperCase().split(/\s+/)[0] ?? ''
  const compact = postcode.replace(/\s+/g, '').toUpperCase()
  const district = outward.length < compact.length ? outward : compact.slice(0, Math.max(2, compact.length - 3))
  return /^[A-Z]{1,2}\d[A-Z\d]?$/.test(district) ? district : REMOVED
}
