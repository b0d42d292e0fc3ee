// Who handles people's rights requests: managers and administrators (a request reaches into every
// case held about a person, so not every coordinator), each for the councils they work for
// (administrators: all). A request of another council is "not found".
import { hasRole, worksFor, type Role, type StaffUser } from '../../domain/staff.ts'

export const rightsHandlers: readonly Role[] = ['manager', 'administrator']

export const rightsAccess = { access: rightsHandlers }

export const handlesRights = (user: StaffUser) => hasRole(user, ...rightsHandlers)

export const canSeeRequest = (user: StaffUser, request: { localAuthorityId: string }) =>
  handlesRights(user) && worksFor(user, request.localAuthorityId)

/** The councils whose requests this person sees, for the repository's filter. */
export const councilsOf = (user: StaffUser): 'all' | readonly string[] => (handlesRights(user) ? user.councils : [])
