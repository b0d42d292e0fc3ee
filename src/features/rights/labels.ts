// The words for people's rights requests: the kinds (each under its article of the UK GDPR) and
// where a request stands.

export const kindNames = {
  access: 'Subject access: a copy of their data',
  rectification: 'Rectification: correct their data',
  erasure: 'Erasure: delete their data',
} as const
export type RightsKind = keyof typeof kindNames

export const kindShort: Record<RightsKind, string> = {
  access: 'Subject access',
  rectification: 'Rectification',
  erasure: 'Erasure',
}

export const statusTags = {
  open: { text: 'Open', classes: 'govuk-tag--blue' },
  accepted: { text: 'Accepted: to carry out', classes: 'govuk-tag--yellow' },
  refused: { text: 'Refused', classes: 'govuk-tag--grey' },
  done: { text: 'Done', classes: 'govuk-tag--green' },
} as const
export type RightsStatus = keyof typeof statusTags

export const statusOf = (value: string): RightsStatus => (value in statusTags ? (value as RightsStatus) : 'open')

/** The roles of a case's parties, as the export and the search results name them. */
export const roleNames: Record<string, string> = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
  referrer: 'Referred the case',
  'local-authority': 'Local authority',
  school: 'School or college',
  health: 'Health service',
  'social-care': 'Social care',
}

export const roleName = (role: string) => roleNames[role] ?? role
