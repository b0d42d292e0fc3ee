// Words for the preparation forms' choices: contact methods, issue areas, how a child's views
// were gathered.

export const contactMethods = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  video: 'Video call',
  'in-person': 'In person',
} as const

export const issueAreas = {
  education: 'Education',
  health: 'Health',
  'social-care': 'Social care',
} as const

export const gatheredByLabels = {
  'in-person': 'In person',
  drawing: 'A drawing',
  letter: 'A letter',
  parent: 'Through a parent or carer',
  advocate: 'Through an advocate',
  other: 'Another way',
} as const

/** The label for a stored code, or the code itself for one no longer offered. */
export const labelFor = <L extends Record<string, string>>(labels: L, code: string): string =>
  labels[code as keyof L] ?? code
