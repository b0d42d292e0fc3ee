// Who may see and change what on the panel. Coordinators see every mediator but change only their
// unavailable dates; managers and administrators keep the profiles and accreditation; a mediator
// sees only their own profile (anyone else's is "not found", so its existence is not revealed) and
// keeps their own CPD log, unavailable dates and declared conflicts.
import { hasRole, type Role, type StaffUser } from '../../domain/staff.ts'
import type { MediatorRow } from './types.ts'

export const panelViewers: readonly Role[] = ['coordinator', 'manager', 'administrator']
export const profileEditors: readonly Role[] = ['manager', 'administrator']
/** Everyone who can open some profile (a mediator: only their own). */
export const profileViewers: readonly Role[] = ['coordinator', 'mediator', 'manager', 'administrator']

export function canSeeProfile(user: StaffUser, m: MediatorRow): boolean {
  return hasRole(user, ...panelViewers) || (m.userId !== null && m.userId === user.id)
}

export const isOwnProfile = (user: StaffUser, m: MediatorRow) => m.userId !== null && m.userId === user.id

/** What this person may do on this mediator's profile. */
export function permissionsFor(user: StaffUser, m: MediatorRow) {
  const own = isOwnProfile(user, m)
  const manages = hasRole(user, ...profileEditors)
  return {
    editProfile: manages,
    logCpd: manages || own,
    recordUnavailability: manages || own || hasRole(user, 'coordinator'),
    declareConflicts: manages || own,
  }
}
export type Permission = keyof ReturnType<typeof permissionsFor>

/** Whether this person may open a mediator's page (and do what it is for), and the mediator if so. */
export type MediatorAccess<T = object> =
  ({ ok: true; mediator: MediatorRow } & T) | { ok: false; code: 'not-found' | 'forbidden' }

/** A profile they may not see is "not found" (its existence is not revealed); a thing they may not do is forbidden. */
export function accessTo(user: StaffUser, m: MediatorRow | undefined, need?: Permission): MediatorAccess {
  if (!m || !canSeeProfile(user, m)) return { ok: false, code: 'not-found' }
  if (need && !permissionsFor(user, m)[need]) return { ok: false, code: 'forbidden' }
  return { ok: true, mediator: m }
}
