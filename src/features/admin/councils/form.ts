// What the council pages share: a council's settings as the form's fields, and the agencies as
// checkboxes.
import { asArray } from '../../../web/forms.ts'
import { acknowledgeLimits, cadenceLimits, responseLimits } from './schema.ts'
import type { CouncilRow } from './service.ts'

export const limits = { cadenceLimits, acknowledgeLimits, responseLimits }

const yesNo = (b: boolean) => (b ? 'yes' : 'no')

/** The form's fields for a council as it is saved. */
export function councilValues(council: CouncilRow, signposting: readonly { id: string }[]) {
  return {
    version: String(council.version),
    name: council.name,
    commissioned: yesNo(council.commissioned),
    freeForResidents: yesNo(council.freeForResidents),
    postcodeDistricts: council.postcodeDistricts.join(', '),
    serviceName: council.serviceName,
    phone: council.phone,
    email: council.email ?? '',
    address: council.address,
    openingHours: council.openingHours,
    updateCadenceWorkingDays: String(council.updateCadenceWorkingDays),
    agencies: signposting.map((a) => a.id),
    letterHeading: council.letterHeading ?? '',
    letterSignature: council.letterSignature ?? '',
    complaintAcknowledgeWorkingDays: String(council.complaintAcknowledgeWorkingDays),
    complaintResponseWorkingDays: String(council.complaintResponseWorkingDays),
  }
}

/** A new council's fields before anything is typed: the usual defaults. */
export const newCouncilValues = {
  commissioned: 'yes',
  freeForResidents: 'yes',
  updateCadenceWorkingDays: '10',
  complaintAcknowledgeWorkingDays: '3',
  complaintResponseWorkingDays: '20',
}

/** What was typed, to show again: the agencies always as a list. */
export const typedValues = (values: Record<string, unknown>) => ({ ...values, agencies: asArray(values.agencies) })

export function agencyItems(agencies: readonly { id: string; name: string; helpsWith: string }[], chosen: unknown) {
  const picked = [chosen ?? []].flat().map(String)
  return agencies.map((a) => ({
    value: a.id,
    text: a.name,
    hint: { text: a.helpsWith },
    checked: picked.includes(a.id),
  }))
}
