// The staff roles as administrators see them: what each one lets a person do.
import { allRoles, type Role } from '../../domain/staff.ts'

export const roleLabels: Record<Role, { text: string; hint: string }> = {
  coordinator: {
    text: 'Coordinator',
    hint: 'Logs enquiries and runs cases day to day, for the councils they work for',
  },
  mediator: { text: 'Mediator', hint: 'Sees and works on the cases they are given' },
  manager: { text: 'Manager', hint: 'Oversees cases, reports and the mediator panel, for the councils they work for' },
  administrator: {
    text: 'Administrator',
    hint: 'Manages staff accounts, councils and the service settings, and sees every council',
  },
  commissioner: { text: 'Commissioner', hint: "A council's own staff: sees only that council's figures, never a case" },
}

/** Checkbox items for a roles question (every role, the commissioner's too), with the chosen ones ticked. */
export function roleItems(checked: readonly string[]) {
  return allRoles.map((role) => ({
    value: role,
    text: roleLabels[role].text,
    hint: { text: roleLabels[role].hint },
    checked: checked.includes(role),
  }))
}

/** "Coordinator, Manager": in the order of the list above, whatever order they were stored in. */
export function describeRoles(chosen: readonly Role[]): string {
  return allRoles
    .filter((r) => chosen.includes(r))
    .map((r) => roleLabels[r].text)
    .join(', ')
}

/** The roles that see only the councils a person works for: they need at least one. */
export const councilRoles: readonly Role[] = ['coordinator', 'manager', 'commissioner']

export const needsCouncils = (chosen: readonly Role[]) => chosen.some((r) => councilRoles.includes(r))
