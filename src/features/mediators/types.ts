// The panel's shapes, for its pages, forms and the allocation engine (no queries here).
import type { mediators } from '../../db/schema/index.ts'
import type { IsoDate } from '../../domain/dates.ts'
import type { MediatorCredentials } from '../../domain/mediator-standing.ts'
import type { OrganisationKind } from '../../domain/allocation.ts'

export type { OrganisationKind }
export type MediatorRow = typeof mediators.$inferSelect

export type ConflictLink = 'employment' | 'family' | 'contract' | 'other'

export interface UnavailableRange {
  id: string
  /** Inclusive. */
  fromDate: IsoDate
  /** Inclusive. */
  toDate: IsoDate
  note: string | null
}

export interface DeclaredConflict {
  id: string
  organisationKind: OrganisationKind
  organisationName: string
  /** The council area the organisation is in, when declared. */
  localAuthorityId: string | null
  /** That council's code (local_authorities.code), when declared. */
  localAuthorityCode: string | null
  link: ConflictLink
  details: string | null
  declaredOn: IsoDate
  /** Null while the link continues. */
  endedOn: IsoDate | null
}

/** One active mediator, with all allocation needs to rank them. Pass it (it is a MediatorCredentials) to `mediatorStanding`. */
export interface MediatorForAllocation extends MediatorCredentials {
  id: string
  name: string
  email: string
  /** Their staff account (role mediator), if linked. */
  userId: string | null
  /** English names as entered, for example 'English', 'Polish'; British Sign Language is stored as 'BSL'. Compare case-insensitively. */
  languages: string[]
  /** local_authorities.code of each council area they can reach. */
  areas: string[]
  venues: string[]
  /** ISO weekdays: 1 Monday .. 5 Friday. */
  workingDays: number[]
  /** Every recorded unavailability, earliest first. */
  unavailability: UnavailableRange[]
  /** Every declared conflict, including ended ones (a recent ended link is a "near" conflict). */
  conflicts: DeclaredConflict[]
}

export interface LocalAuthorityOption {
  id: string
  code: string
  name: string
}

export interface MediatorAccountOption {
  id: string
  name: string
  email: string
  /** The mediator profile this account is already linked to, if any. */
  linkedTo: string | null
}
