import { sql } from 'drizzle-orm'
import { bigserial, check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
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
    // Who looked, for each kind of looker (each row has one), and for their foreign keys.
    index('access_log_user')
      .on(t.userId, t.at)
      .where(sql`${t.userId} is not null`),
    index('access_log_api_token')
      .on(t.apiTokenId, t.at)
      .where(sql`${t.apiTokenId} is not null`),
    index('access_log_party')
      .on(t.partyId, t.at)
      .where(sql`${t.partyId} is not null`),
    check('access_log_who', sql`${t.userId} is not null or ${t.apiTokenId} is not null or ${t.partyId} is not null`),
  ],
)

/** A before or after in the audit trail: the record's fields as they were (checked with zod on write). */
export type AuditState = { [key: string]: unknown }

/**
 * Every change to something that is not a case (a council's settings, a staff account's councils,
 * ...): who, from where, what, to which record, and the record before and after. Written in the
 * same transaction as the change (src/features/audit). Changes to a case are in case_events.
 */
export const auditTrail = pgTable(
  'audit_trail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    // Who made the change: a member of staff, or nobody (a command run on the server).
    userId: uuid('user_id').references(() => users.id),
    // The address the request came from, when it came over the web.
    ip: text('ip'),
    action: text('action').notNull(),
    recordKind: text('record_kind').notNull(),
    recordId: text('record_id').notNull(),
    before: jsonb('before').$type<AuditState | null>(),
    after: jsonb('after').$type<AuditState | null>(),
  },
  (t) => [index('audit_trail_record').on(t.recordKind, t.recordId, t.at), index('audit_trail_at').on(t.at)],
)
