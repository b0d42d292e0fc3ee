// The kinds of entry the audit search offers, as people name them. 'case' and 'read' are the case
// events and the access log; the others are kinds of record in the audit trail.
export const auditKinds = {
  case: 'Changes to a case',
  read: 'Looks at personal data',
  'staff-account': 'Staff accounts and roles',
  'sign-in': 'Sign-ins and failed sign-ins',
  mediator: 'Panel (mediator) records',
  council: 'Councils',
  settings: 'Service settings and bank holidays',
  'message-wording': 'Message wording',
  'api-token': 'API tokens',
  'case-import': 'Imports of cases',
  'info-session': 'Information sessions',
  'session-booking': 'Bookings of information sessions',
  download: 'Downloads and exports',
} as const
export type AuditKind = keyof typeof auditKinds
export const auditKindKeys = Object.keys(auditKinds) as [AuditKind, ...AuditKind[]]
