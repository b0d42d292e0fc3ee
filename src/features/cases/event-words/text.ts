// What the describers of each kind of event share: the summary they make, and reading the
// event's data safely (its fields are whatever the event recorded).
import { formatLongDate, isValidIsoDate } from '../../../domain/dates.ts'
import { partyNames } from '../../../domain/willingness.ts'
import { labelOf } from '../labels.ts'

export interface EventSummary {
  title: string
  /** Plain text; may hold line breaks, shown as written. */
  description: string
}

export type Data = Record<string, unknown>
export type Describers = Record<string, (data: Data) => EventSummary>

export const str = (value: unknown): string => (typeof value === 'string' ? value : '')
export const yesNo = (value: unknown): string => (value === true ? 'yes' : 'no')
export const day = (value: unknown): string => (isValidIsoDate(value) ? formatLongDate(value) : '')
export const joinLines = (...parts: string[]) => parts.filter(Boolean).join('\n')
export const party = (data: Data) => labelOf(partyNames, str(data.party)) || 'a party'
