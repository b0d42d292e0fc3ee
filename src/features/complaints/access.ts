// Who works on complaints: coordinators, managers and administrators, each for the councils they
// work for (administrators: all). A complaint of another council is "not found". The review by a
// senior manager is answered by a manager or an administrator.
import { hasRole, worksFor, type Role, type StaffUser } from '../../domain/staff.ts'

export const complaintHandlers: readonly Role[] = ['coordinator', 'manager', 'administrator']
export const seniorManagers: readonly Role[] = ['manager', 'administrator']

export const handlesComplaints = (user: StaffUser) => hasRole(user, ...complaintHandlers)

export const canSeeComplaint = (user: StaffUser, complaint: { localAuthorityId: string }) =>
  handlesComplaints(user) && worksFor(user, complaint.localAuthorityId)

/** The councils whose complaints this person sees, for the repository's filter. */
export const councilsOf = (user: StaffUser): 'all' | readonly string[] => (handlesComplaints(user) ? user.councils : [])
