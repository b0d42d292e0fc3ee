// The councils question of the staff account pages: checkboxes, with the chosen ones ticked.

/** Checkbox items for the councils a person works for. */
export function councilItems(councils: readonly { id: string; name: string }[], checked: unknown) {
  const chosen = [checked ?? []].flat().map(String)
  return councils.map((c) => ({ value: c.id, text: c.name, checked: chosen.includes(c.id) }))
}

export const councilsHint =
  'A coordinator, manager or commissioner sees only the cases or figures of the councils they work for: select at least one. Administrators see every council, and mediators the cases they are given, so neither needs one.'
