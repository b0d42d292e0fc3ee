// What the profile form (new and edit) needs besides its values: the choices it offers.
import { asArray } from '../../web/forms.ts'
import { commonLanguages, weekdays } from './labels.ts'
import type { ProfileChoices } from './new/schema.ts'
import type { LocalAuthorityOption, MediatorAccountOption } from './types.ts'

export interface ProfileFormOptions {
  choices: ProfileChoices
  /** For the view: the checkbox and select items, ticked from `values`. */
  items(values: Record<string, unknown>): Record<string, unknown>
}

/** The choices for a profile form; `mediatorId` is the profile being edited (its own account stays on offer). */
export function profileFormOptions(
  authorities: LocalAuthorityOption[],
  accounts: MediatorAccountOption[],
  mediatorId?: string,
): ProfileFormOptions {
  const available = accounts.filter((a) => a.linkedTo === null || a.linkedTo === mediatorId)
  const choices: ProfileChoices = { areaCodes: authorities.map((a) => a.code), accountIds: available.map((a) => a.id) }
  return {
    choices,
    items(values) {
      const ticked = (name: string) => (asArray(values[name]) as unknown[]).map(String)
      return {
        languages: commonLanguages.map((l) => ({ ...l, checked: ticked('languages').includes(l.value) })),
        areas: authorities.map((a) => ({ value: a.code, text: a.name, checked: ticked('areas').includes(a.code) })),
        workingDays: Object.entries(weekdays).map(([value, text]) => ({
          value,
          text,
          checked: ticked('workingDays').includes(value),
        })),
        active: [
          { value: 'yes', text: 'Yes, they are taking cases', checked: values.active === 'yes' },
          { value: 'no', text: 'No, not at the moment', checked: values.active === 'no' },
        ],
        accounts: [
          { value: '', text: 'Not linked' },
          ...available.map((a) => ({ value: a.id, text: `${a.name} (${a.email})`, selected: values.userId === a.id })),
        ],
      }
    },
  }
}
