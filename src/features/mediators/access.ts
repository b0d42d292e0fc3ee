// Who may see and change what on the panel. Coordinators see every mediator but change only their
// unavailable dates; managers and administrators keep the profiles and accreditation; a mediator
// sees only their own profile (anyone else's is "not found", so its existence is not revealed) and
// keeps their own CPD log, unavailable dates and declared conflicts.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Db } from '../../db/client.ts'
import type { Role } from '../../db/schema/index.ts'
import { currentUser, hasRole, type StaffUser } from '../../web/auth.ts'
import { findMediator, type MediatorRow } from './repository.ts'

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

/**
 * The mediator at :id if this person may see it and, when `need` is given, do that. Otherwise it
 * replies (404 for a profile they may not see, 403 for a thing they may not do) and returns undefined.
 */
export async function mediatorOr404(
  db: Db,
  request: FastifyRequest<{ Params: { id: string } }>,
  reply: FastifyReply,
  need?: Permission,
) {
  const user = currentUser(request)
  const m = await findMediator(db, request.params.id)
  if (!m || !canSeeProfile(user, m)) {
    await reply.code(404).view('mediators/not-found.njk')
    return undefined
  }
  if (need && !permissionsFor(user, m)[need]) {
    await reply.code(403).view('errors/forbidden.njk')
    return undefined
  }
  return m
}
