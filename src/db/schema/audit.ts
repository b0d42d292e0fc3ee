import { sql } from 'drizzle-orm'
import { bigserial, check, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import { users } from './users.ts'
import { apiTokens } from './workflow.ts'

/** Who looked at whose personal data, and when: a staff member, an API token or a party in the portal. Changes are in case_events. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').references(() => users.id),
    apiTokenId: uuid('api_token_id').references(() => apiTokens.id),
    partyId: uuid('party_id').references(() => caseParties.id),
    caseId: uuid('case_id').references(() => cases.id),
    action: text('action').notNull(),
    path: text('path').notNull(),
  },
  (t) => [
    index('access_log_case').on(t.caseId, t.at),
    check('access_log_who', sql`${t.userId} is not null or ${t.apiTokenId} is not null or ${t.partyId} is not null`),
  ],
)
