// The rows a build inserts, table by table, in the order their foreign keys need.
import * as schema from '../../src/db/schema/index.ts'

/** Insert order: every table after the tables it refers to. */
export const TABLES = {
  users: schema.users,
  localAuthorities: schema.localAuthorities,
  agencies: schema.agencies,
  venues: schema.venues,
  venueRooms: schema.venueRooms,
  mediators: schema.mediators,
  mediatorCpd: schema.mediatorCpd,
  apiTokens: schema.apiTokens,
  cases: schema.cases,
  caseParties: schema.caseParties,
  partyPermissions: schema.partyPermissions,
  scopeDecisions: schema.scopeDecisions,
  caseEvents: schema.caseEvents,
  caseDeadlines: schema.caseDeadlines,
  allocations: schema.allocations,
  partyContacts: schema.partyContacts,
  caseIssues: schema.caseIssues,
  attendees: schema.attendees,
  meetings: schema.meetings,
  meetingRecords: schema.meetingRecords,
  agreements: schema.agreements,
  agreementPoints: schema.agreementPoints,
  agreementAcceptances: schema.agreementAcceptances,
  caseOutcomes: schema.caseOutcomes,
  certificates: schema.certificates,
  messages: schema.messages,
  accessLog: schema.accessLog,
} as const

export type TableName = keyof typeof TABLES
export type RowOf<T extends TableName> = (typeof TABLES)[T]['$inferInsert']
export type Rows = { [T in TableName]: RowOf<T>[] }

export function emptyRows(): Rows {
  return Object.fromEntries(Object.keys(TABLES).map((name) => [name, []])) as unknown as Rows
}

export function rowCount(rows: Rows): number {
  return Object.values(rows).reduce((n, list) => n + list.length, 0)
}
