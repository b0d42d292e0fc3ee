// A session in words, for pages and messages: when, where, what the venue offers for access.
import { formatLongDate } from '../../domain/dates.ts'
import { audienceLabels, type Audience } from '../../domain/info-sessions.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import type { SessionRow, VenueRow } from './repository.ts'

const featureWords: [keyof VenueRow, string][] = [
  ['stepFree', 'step-free access'],
  ['hearingLoop', 'a hearing loop'],
  ['parking', 'parking'],
  ['quietRoom', 'a quiet room'],
]

export const audienceText = (audience: string) => audienceLabels[audience as Audience] ?? audience

export const dateText = (s: Pick<SessionRow, 'day'>) => formatLongDate(s.day)
export const timeText = (s: Pick<SessionRow, 'startTime' | 'endTime'>) => formatTimeRange(s.startTime, s.endTime)

/** "Warrington Library, Museum Street, Warrington WA1 1JB", or "Online". Never the link. */
export function placeText(s: Pick<SessionRow, 'mode'>, venue: VenueRow | null | undefined): string {
  if (s.mode === 'online') return 'Online (we send the link to join only to people with a place)'
  if (!venue) return 'To be confirmed'
  return [venue.name, venue.address, venue.postcode].filter(Boolean).join(', ')
}

/** What the venue offers, in a sentence, with its own notes. */
export function accessText(s: Pick<SessionRow, 'mode'>, venue: VenueRow | null | undefined): string {
  if (s.mode === 'online' || !venue) return ''
  const features = featureWords.filter(([key]) => venue[key] === true).map(([, words]) => words)
  return [
    features.length
      ? `The venue has ${features.join(', ')}.`
      : 'The venue has not told us about step-free access, a hearing loop or parking: ask us if you need them.',
    venue.accessibilityNotes ?? '',
  ]
    .filter(Boolean)
    .join(' ')
}
