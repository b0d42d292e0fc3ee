// Who works in Parley and what each role may do in general (each page says who may use it).

/** The provider's own staff, who work on cases. Pages open to "every member of staff" use this list. */
export const roles = ['coordinator', 'mediator', 'manager', 'administrator'] as const

/** Every role: the provider's staff, and a council's commissioners, who see only their council's figures. */
export const allRoles = [...roles, 'commissioner'] as const
export type Role = (typeof allRoles)[number]

/** A signed-in member of staff, as every request sees them. */
export interface StaffUser {
  id: string
  email: string
  name: string
  roles: Role[]
  mustChangePassword: boolean
}

export function hasRole(user: StaffUser | null, ...wanted: Role[]): boolean {
  return !!user && wanted.some((r) => user.roles.includes(r))
}
