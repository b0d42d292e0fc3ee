// The meeting in words, for messages and pages: where it is, what the venue offers, the link to
// join, and each party's own adjustments.
import { adjustmentKinds, type PartyAdjustments } from '../../domain/request.ts'
import { inPartyOrder, isPreparingParty, partyLabel } from '../preparation/index.ts'
import type { PlacedMeeting, VenueRow } from './repository.ts'

const featureWords: [keyof VenueRow, string][] = [
  ['stepFree', 'step-free access'],
  ['hearingLoop', 'a hearing loop'],
  ['parking', 'parking'],
  ['quietRoom', 'a quiet room'],
]

/** "Room 2, Warrington Town Hall, Sankey Street, Warrington WA1 1UH", or "Online (Video room)". */
export function placeText(m: Pick<PlacedMeeting, 'venue' | 'room'>): string {
  if (!m.venue) return 'To be confirmed'
  if (m.venue.kind === 'online') return `Online (${m.venue.name})`
  return [m.room?.name, m.venue.name, m.venue.address, m.venue.postcode].filter(Boolean).join(', ')
}

/** What the venue offers, in a sentence: "Access: step-free access, a hearing loop. A private room ..." */
export function accessText(m: Pick<PlacedMeeting, 'venue' | 'breakout'>): string {
  if (!m.venue || m.venue.kind === 'online') return ''
  const features = featureWords.filter(([key]) => m.venue![key] === true).map(([, words]) => words)
  const parts = [
    features.length
      ? `The venue has ${features.join(', ')}.`
      : 'The venue has not told us about step-free access, a hearing loop or parking: ask us if you need them.',
    m.breakout ? `There is a separate room for private conversations (${m.breakout.name}).` : '',
    m.venue.accessibilityNotes ?? '',
  ]
  return parts.filter(Boolean).join(' ')
}

/** The link to join: the meeting's own, else its online room's. */
export const linkOf = (m: Pick<PlacedMeeting, 'onlineLink' | 'venue'>) => m.onlineLink || m.venue?.onlineLink || ''

/** A party's own adjustments, as words. */
export function adjustmentsOf(party: { adjustments: PartyAdjustments | null }): string {
  const a = party.adjustments ?? {}
  const kinds = (a.kinds ?? []).map((k) => adjustmentKinds[k] ?? k)
  const words = [...kinds, a.language ? `Language: ${a.language}` : '', a.details ?? '']
    .map((s) => s.trim())
    .filter(Boolean)
  return words.join('; ')
}

/** The adjustments every party asked for, one line each: the starting text for the meeting's list. */
export function gatheredAdjustments(
  parties: { role: string; name: string; organisation: string | null; adjustments: PartyAdjustments | null }[],
): string {
  return inPartyOrder(parties.filter(isPreparingParty))
    .map((p) => ({ who: partyLabel(p), what: adjustmentsOf(p) }))
    .filter((p) => p.what)
    .map((p) => `${p.who}: ${p.what}`)
    .join('\n')
}
