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
  /**
   * The councils whose cases and figures they may see: every council for an administrator,
   * else the ones they work for (a mediator sees the cases they are given, whatever the council).
   */
  councils: 'all' | readonly string[]
}

export function hasRole(user: StaffUser | null, ...wanted: Role[]): boolean {
  return !!user && wanted.some((r) => user.roles.includes(r))
}

/** Whether this person may see a council's cases and figures (the mediator rule is the cases area's). */
export function worksFor(user: StaffUser, councilId: string): boolean {
  return user.councils === 'all' || user.councils.includes(councilId)
}

/** Where a person lands after signing in: a council's commissioner on their reports, the provider's staff on Today. */
export function homePathFor(person: { roles: readonly Role[] }): string {
  return person.roles.some((r) => (roles as readonly Role[]).includes(r)) ? '/today' : '/reports'
}
