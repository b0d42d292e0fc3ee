// Fair mediator allocation, as pure code: for one case, every mediator on the panel ranked and
// explained. Callers load the panel and the case and pass today; nothing here touches I/O.
//
// Eligible means the coordinator may allocate them. A mediator is NOT eligible when:
// - they declared a live link (not ended) to an organisation in the case: its council, the school
//   or college, the health body (by name, ignoring case, or for the council by its id);
// - their accreditation does not allow it (mediator-standing.ts: lapsed registration, insurance,
//   DBS, cover under £1m, no SEN training, not taking cases);
// - they are not free on any working day of the likely window;
// - they do not reach the case's council area. This is a stop rather than a penalty: a mediator's
//   areas are their own statement of where they can go, and a meeting they cannot get to helps
//   no one. The coordinator can add the area to their profile if they agree to travel;
// - a party's objection to them on this case was upheld.
// Among the eligible, the score orders them: partly free (-), a near conflict (-), speaking the
// language the family needs (+), and a fair share of work: each allocation in the last 90 days
// costs points. Ties go to whoever has waited longest since their last allocation, then by name.
import { addDays, addMonths, compare, dayOfWeek, diffDays, formatLongDate, type IsoDate } from './dates.ts'
import { mediatorStanding, type MediatorCredentials, type Standing } from './mediator-standing.ts'

export type OrganisationKind = 'local-authority' | 'school' | 'college' | 'health'

export interface CandidateConflict {
  organisationKind: string
  organisationName: string
  /** The council area the organisation is in, when declared. */
  localAuthorityId: string | null
  link: string
  /** Null while the link continues. */
  endedOn: IsoDate | null
}

export interface AllocationCandidate extends MediatorCredentials {
  id: string
  name: string
  languages: string[]
  /** Council codes (local_authorities.code) whose area they reach. */
  areas: string[]
  /** ISO weekdays: 1 Monday .. 7 Sunday. */
  workingDays: number[]
  /** Inclusive ranges. */
  unavailability: { fromDate: IsoDate; toDate: IsoDate }[]
  conflicts: CandidateConflict[]
  /** The dates they were allocated cases: at least those in the last 90 days, and their latest. */
  allocatedOn: IsoDate[]
}

export interface CaseNeeds {
  /** The case's council, when known from the postcode. */
  localAuthority: { id: string; code: string; name: string } | null
  /** The organisations in the case: the council, the school or college, the health body. */
  organisations: { kind: OrganisationKind; name: string }[]
  /** Languages the family needs: 'Polish', 'BSL', ... */
  languages: string[]
  /** The dates the meeting is likely to fall in (see likelyWindow). */
  window: { from: IsoDate; to: IsoDate }
  /** Mediators who may not take this case, with why (an upheld objection). */
  excluded?: { mediatorId: string; reason: string }[]
}

export interface Reason {
  tone: 'good' | 'bad' | 'note'
  text: string
}

export interface RankedMediator<C extends AllocationCandidate = AllocationCandidate> {
  mediator: C
  /** 1 for the first choice. */
  rank: number
  eligible: boolean
  score: number
  reasons: Reason[]
  standing: Standing
  /** Allocations in the last ROTATION_DAYS days. */
  recentAllocations: number
  lastAllocatedOn: IsoDate | null
}

export const ROTATION_DAYS = 90
export const POINTS = {
  base: 100,
  perRecentAllocation: 10,
  speaksLanguage: 20,
  nearConflict: 15,
  /** The most a partly free mediator loses (scaled by the share of days they are away). */
  partlyFree: 30,
} as const
export const NEAR_CONFLICT_MONTHS = 24
export const DEFAULT_WINDOW_DAYS = 30

/**
 * The dates the meeting is likely to fall in: from today to the day SEN mediation must be held by
 * (30 days from the council being told), else the next 30 days. A date already passed means "as
 * soon as possible": the next 10 days.
 */
export function likelyWindow(today: IsoDate, mediationHeldDue?: IsoDate): { from: IsoDate; to: IsoDate } {
  if (mediationHeldDue === undefined) return { from: today, to: addDays(today, DEFAULT_WINDOW_DAYS) }
  if (compare(mediationHeldDue, today) < 0) return { from: today, to: addDays(today, 10) }
  return { from: today, to: mediationHeldDue }
}

const normalise = (s: string) => s.trim().toLowerCase().replace(/\s+/g, ' ')

const isBsl = (language: string) => /\bbsl\b|british sign language/i.test(language)

/** Whether a mediator's languages include one the family needs (BSL written either way). */
export function speaks(languages: string[], needed: string): boolean {
  if (isBsl(needed)) return languages.some(isBsl)
  return languages.some((l) => normalise(l) === normalise(needed))
}

const linkWords: Record<string, string> = {
  employment: 'an employment link',
  family: 'a family link',
  contract: 'a contract link',
}
const linkText = (link: string) => linkWords[link] ?? 'a link'

const ISO_WEEKDAY = (date: IsoDate) => dayOfWeek(date) || 7
const WEEKDAY_PLURAL = ['', 'Mondays', 'Tuesdays', 'Wednesdays', 'Thursdays', 'Fridays', 'Saturdays', 'Sundays']

function conflictReasons(
  m: AllocationCandidate,
  needs: CaseNeeds,
  today: IsoDate,
): { blocking: Reason[]; near: Reason[] } {
  const blocking: Reason[] = []
  const near: Reason[] = []
  const partyNames = new Set(needs.organisations.map((o) => normalise(o.name)))
  if (needs.localAuthority) partyNames.add(normalise(needs.localAuthority.name))
  const nearSince = addMonths(today, -NEAR_CONFLICT_MONTHS)
  for (const c of m.conflicts) {
    const isCouncil =
      needs.localAuthority !== null &&
      c.organisationKind === 'local-authority' &&
      c.localAuthorityId === needs.localAuthority.id
    const isParty = partyNames.has(normalise(c.organisationName)) || isCouncil
    const inArea = needs.localAuthority !== null && c.localAuthorityId === needs.localAuthority.id
    const live = c.endedOn === null || compare(c.endedOn, today) > 0
    if (live && isParty) {
      blocking.push({ tone: 'bad', text: `Declared ${linkText(c.link)} to ${c.organisationName}` })
    } else if (!live && (isParty || inArea) && compare(c.endedOn!, nearSince) >= 0) {
      near.push({
        tone: 'note',
        text: `Near conflict: ${linkText(c.link)} to ${c.organisationName} ended on ${formatLongDate(c.endedOn!)}, within the last two years`,
      })
    } else if (live && inArea) {
      near.push({
        tone: 'note',
        text: `Near conflict: ${linkText(c.link)} to ${c.organisationName}, in the same council area as this case`,
      })
    }
  }
  return { blocking, near }
}

function availability(
  m: AllocationCandidate,
  window: CaseNeeds['window'],
): { free: number; of: number; away: string[] } {
  let free = 0
  let of = 0
  const away = new Set<string>()
  const days = Math.max(0, diffDays(window.from, window.to))
  for (let i = 0; i <= days; i++) {
    const date = addDays(window.from, i)
    const weekday = ISO_WEEKDAY(date)
    if (weekday > 5) continue // the service's working week
    of++
    if (!m.workingDays.includes(weekday)) {
      away.add(`does not work on ${WEEKDAY_PLURAL[weekday]}`)
      continue
    }
    const off = m.unavailability.find((u) => compare(u.fromDate, date) <= 0 && compare(date, u.toDate) <= 0)
    if (off) {
      away.add(
        off.fromDate === off.toDate
          ? `away on ${formatLongDate(off.fromDate)}`
          : `away from ${formatLongDate(off.fromDate)} to ${formatLongDate(off.toDate)}`,
      )
      continue
    }
    free++
  }
  return { free, of, away: [...away] }
}

function rotation(m: AllocationCandidate, today: IsoDate): { recent: number; last: IsoDate | null } {
  const since = addDays(today, -ROTATION_DAYS)
  let recent = 0
  let last: IsoDate | null = null
  for (const on of m.allocatedOn) {
    if (compare(on, since) > 0 && compare(on, today) <= 0) recent++
    if (last === null || compare(on, last) > 0) last = on
  }
  return { recent, last }
}

/** One mediator's eligibility, score and reasons (rank 0: see rankMediators). */
export function assessMediator<C extends AllocationCandidate>(
  m: C,
  needs: CaseNeeds,
  today: IsoDate,
): RankedMediator<C> {
  const reasons: Reason[] = []
  let eligible = true
  let score: number = POINTS.base

  const excluded = needs.excluded?.find((e) => e.mediatorId === m.id)
  if (excluded) {
    eligible = false
    reasons.push({ tone: 'bad', text: excluded.reason })
  }

  // Impartiality.
  const conflicts = conflictReasons(m, needs, today)
  if (conflicts.blocking.length) {
    eligible = false
    reasons.push(...conflicts.blocking)
  } else if (conflicts.near.length) {
    score -= POINTS.nearConflict
  } else {
    reasons.push({ tone: 'good', text: 'No declared link to anyone in this case' })
  }
  reasons.push(...conflicts.near)

  // Accreditation.
  const standing = mediatorStanding(m, today)
  if (!standing.canBeAllocated) {
    eligible = false
    reasons.push(...standing.blocking.map((b) => ({ tone: 'bad' as const, text: b.message })))
  } else {
    reasons.push({ tone: 'good', text: 'Accreditation, insurance and DBS check in date' })
  }
  reasons.push(...standing.warnings.map((w) => ({ tone: 'note' as const, text: w.message })))

  // Free on the likely dates.
  const { from, to } = needs.window
  const period = `from ${formatLongDate(from)} to ${formatLongDate(to)}`
  const free = availability(m, needs.window)
  if (free.of === 0 || free.free === free.of) {
    reasons.push({ tone: 'good', text: `Free on every working day ${period}` })
  } else if (free.free === 0) {
    eligible = false
    reasons.push({ tone: 'bad', text: `Not free on any working day ${period} (${free.away.join('; ')})` })
  } else {
    score -= Math.round(POINTS.partlyFree * (1 - free.free / free.of))
    reasons.push({
      tone: 'note',
      text: `Free on ${free.free} of the ${free.of} working days ${period} (${free.away.join('; ')})`,
    })
  }

  // Reaches the area.
  const la = needs.localAuthority
  if (!la) {
    reasons.push({ tone: 'note', text: 'The council area is not known, so whether they can reach it was not checked' })
  } else if (m.areas.includes(la.code)) {
    reasons.push({ tone: 'good', text: `Works in the ${la.name} area` })
  } else {
    eligible = false
    reasons.push({ tone: 'bad', text: `Does not work in the ${la.name} area` })
  }

  // Language.
  for (const language of needs.languages) {
    const name = isBsl(language) ? 'British Sign Language (BSL)' : language
    if (speaks(m.languages, language)) {
      score += POINTS.speaksLanguage
      reasons.push({ tone: 'good', text: `Speaks ${name}, the language the family needs` })
    } else {
      reasons.push({ tone: 'note', text: `Does not speak ${name}: an interpreter will be needed` })
    }
  }

  // A fair share of work.
  const { recent, last } = rotation(m, today)
  score -= POINTS.perRecentAllocation * recent
  const lastText = last ? `last allocated on ${formatLongDate(last)}` : 'never allocated a case'
  reasons.push(
    recent === 0
      ? { tone: 'good', text: `No cases allocated in the last ${ROTATION_DAYS} days (${lastText})` }
      : {
          tone: 'note',
          text: `${recent} ${recent === 1 ? 'case' : 'cases'} allocated in the last ${ROTATION_DAYS} days (${lastText})`,
        },
  )

  return { mediator: m, rank: 0, eligible, score, reasons, standing, recentAllocations: recent, lastAllocatedOn: last }
}

/** Eligible first, then the higher score, then the longest wait since their last allocation, then by name. */
function order(a: RankedMediator, b: RankedMediator): number {
  if (a.eligible !== b.eligible) return a.eligible ? -1 : 1
  if (a.score !== b.score) return b.score - a.score
  if (a.lastAllocatedOn !== b.lastAllocatedOn) {
    if (a.lastAllocatedOn === null) return -1
    if (b.lastAllocatedOn === null) return 1
    return compare(a.lastAllocatedOn, b.lastAllocatedOn)
  }
  const byName = a.mediator.name.localeCompare(b.mediator.name, 'en-GB')
  if (byName !== 0) return byName
  return a.mediator.id < b.mediator.id ? -1 : a.mediator.id > b.mediator.id ? 1 : 0
}

/** Every candidate, best first, each with whether they may be allocated and why. */
export function rankMediators<C extends AllocationCandidate>(
  candidates: readonly C[],
  needs: CaseNeeds,
  today: IsoDate,
): RankedMediator<C>[] {
  return candidates
    .map((m) => assessMediator(m, needs, today))
    .sort(order)
    .map((r, i) => ({ ...r, rank: i + 1 }))
}
