// The willingness test: for each other party (council, school or college, health body, social
// care), when and how they were asked to take part, when they were chased, and what they said.
// Disagreement resolution is voluntary for everyone, so it needs every party willing. In SEN
// mediation the council and the health body cannot refuse; a school or social care may decline to
// attend without stopping the mediation. See /work/shared/domain/rules.md.
import type { Calendar } from './calendar.ts'
import { compare, type IsoDate } from './dates.ts'
import { contactMethods, otherPartyKinds, type ContactMethod, type OtherPartyKind } from './request.ts'

export type PartyKind = OtherPartyKind
export const PARTY_KINDS = Object.keys(otherPartyKinds) as PartyKind[]

export const WILLINGNESS_ANSWERS = ['willing', 'unwilling', 'no-answer'] as const
export type WillingnessAnswer = (typeof WILLINGNESS_ANSWERS)[number]

export const CONTACT_METHODS = Object.keys(contactMethods) as ContactMethod[]

export interface PartyWillingness {
  invited: { on: IsoDate; how: ContactMethod }
  /** The latest chaser, and how many there have been. */
  chased?: { on: IsoDate; count: number }
  answered?: { on: IsoDate; answer: WillingnessAnswer; reason?: string }
}

export type Parties = Partial<Record<PartyKind, PartyWillingness>>

/** How a party is named in the middle of a sentence. */
export const partyNames: Record<PartyKind, string> = {
  'local-authority': 'the council',
  school: 'the school or college',
  health: 'the health body',
  'social-care': 'social care',
}

export const answerLabels: Record<WillingnessAnswer, string> = {
  willing: 'Willing to take part',
  unwilling: 'Not willing to take part',
  'no-answer': 'No answer',
}

/** The parties that must take part in SEN mediation: the law gives them no choice. */
export const mustTakePartInSenMediation = (party: PartyKind) => party === 'local-authority' || party === 'health'

export function isPartyKind(value: unknown): value is PartyKind {
  return typeof value === 'string' && Object.hasOwn(otherPartyKinds, value)
}

export function isWillingnessAnswer(value: unknown): value is WillingnessAnswer {
  return typeof value === 'string' && (WILLINGNESS_ANSWERS as readonly string[]).includes(value)
}

export function isContactMethod(value: unknown): value is ContactMethod {
  return typeof value === 'string' && Object.hasOwn(contactMethods, value)
}

/** "the school or college", "the council and social care", "the council, the school or college and social care". */
export function listParties(parties: readonly PartyKind[]): string {
  const names = parties.map((party) => partyNames[party])
  if (names.length <= 1) return names.join('')
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}

/** Invited parties, in the order of PARTY_KINDS. */
export function invitedParties(parties: Parties): PartyKind[] {
  return PARTY_KINDS.filter((kind) => parties[kind] !== undefined)
}

/** Invited parties that have not (or not yet) said they are willing. */
export function partiesNotYetWilling(parties: Parties): PartyKind[] {
  return invitedParties(parties).filter((kind) => parties[kind]?.answered?.answer !== 'willing')
}

/**
 * The day a chaser is suggested: afterWorkingDays working days after the invitation or the last
 * chaser. Undefined once the party has answered (a recorded "no answer" included).
 */
export function chaserDueDate(party: PartyWillingness, calendar: Calendar, afterWorkingDays = 5): IsoDate | undefined {
  if (party.answered) return undefined
  return calendar.addWorkingDays(party.chased?.on ?? party.invited.on, afterWorkingDays)
}

/** True when a chaser is suggested on or before today. */
export function chaserDue(party: PartyWillingness, today: IsoDate, calendar: Calendar, afterWorkingDays = 5): boolean {
  const due = chaserDueDate(party, calendar, afterWorkingDays)
  return due !== undefined && compare(today, due) >= 0
}
