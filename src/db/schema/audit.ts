import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
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
    // The address the request came from (none for a job's own work).
    ip: text('ip'),
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
    // The audit search, newest first over every look (src/features/audit/search).
    index('access_log_at').on(t.at, t.id),
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
    // The case the record belongs to, if any (a download of a case's papers): who may see the entry follows it.
    caseId: uuid('case_id').references(() => cases.id),
    before: jsonb('before').$type<AuditState | null>(),
    after: jsonb('after').$type<AuditState | null>(),
  },
  (t) => [
    index('audit_trail_record').on(t.recordKind, t.recordId, t.at),
    index('audit_trail_at').on(t.at),
    // The audit search: by who, by kind and by case, each newest first.
    index('audit_trail_user')
      .on(t.userId, t.at)
      .where(sql`${t.userId} is not null`),
    index('audit_trail_kind').on(t.recordKind, t.at),
    index('audit_trail_case')
      .on(t.caseId, t.at)
      .where(sql`${t.caseId} is not null`),
  ],
)

/**
 * The hash chains that make the audit tables tamper-evident: one chain per table (audit_trail,
 * case_events, access_log), one link per row, each link's hash over the row's canonical text and
 * the link before. Written only by the tables' own insert triggers (the migration that made this
 * table), in the row's transaction; checked by `node src/cli.ts audit-verify`.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    chain: text('chain').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    rowId: bigint('row_id', { mode: 'number' }).notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [primaryKey({ columns: [t.chain, t.seq] }), uniqueIndex('audit_chain_row').on(t.chain, t.rowId)],
)
