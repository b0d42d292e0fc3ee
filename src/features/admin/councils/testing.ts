// For the council pages' tests: the form's fields, for a council in the St Helens area.

/** Everything the form asks, for a council in the St Helens area. */
export function councilFields(change: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    name: 'St Helens Borough Council',
    commissioned: 'yes',
    freeForResidents: 'yes',
    postcodeDistricts: 'wa9, WA10 WA11',
    serviceName: 'St Helens SEN Mediation',
    phone: '01632 960 100',
    email: 'mediation@sthelens.example.org',
    address: '1 Example Street, St Helens, WA10 1AA',
    openingHours: 'Monday to Thursday, 9am to 5pm',
    updateCadenceWorkingDays: '15',
    letterHeading: 'SEN mediation for St Helens Borough Council',
    letterSignature: 'Robin Example\nService manager',
    complaintAcknowledgeWorkingDays: '2',
    complaintResponseWorkingDays: '15',
    ...change,
  }
}
