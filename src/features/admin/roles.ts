// The staff roles as administrators see them: what each one lets a person do.
import { roles, type Role } from '../../domain/staff.ts'

export const roleLabels: Record<Role, { text: string; hint: string }> = {
  coordinator: { text: 'Coordinator', hint: 'Logs enquiries and runs cases day to day' },
  mediator: { text: 'Mediator', hint: 'Sees and works on the cases they are given' },
  manager: { text: 'Manager', hint: 'Oversees cases, reports and the mediator panel' },
  administrator: { text: 'Administrator', hint: 'Manages staff accounts and the service settings' },
  commissioner: { text: 'Commissioner', hint: "A council's own staff: sees only that council's figures, never a case" },
}

/** Checkbox items for a roles question, with the chosen ones ticked. */
export function roleItems(checked: readonly string[]) {
  return roles.map((role) => ({
    value: role,
    text: roleLabels[role].text,
    hint: { text: roleLabels[role].hint },
    checked: checked.includes(role),
  }))
}

/** "Coordinator, Manager": in the order of the list above, whatever order they were stored in. */
export function describeRoles(chosen: readonly Role[]): string {
  return roles
    .filter((r) => chosen.includes(r))
    .map((r) => roleLabels[r].text)
    .join(', ')
}
