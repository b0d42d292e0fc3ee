// Who works in Parley and what each role may do in general (each page says who may use it).
export const roles = ['coordinator', 'mediator', 'manager', 'administrator'] as const
export type Role = (typeof roles)[number]

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
