import { sql } from 'drizzle-orm'
import {
  bigint,
  bigserial,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { auditTrail } from './audit.ts'
import { cases } from './cases.ts'
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

/**
 * How long a council keeps what has ended, in months after it ended: an enquiry that never became
 * a case, and a case. A council with no row keeps the defaults (src/domain/retention.ts, README).
 */
export const retentionSchedules = pgTable(
  'retention_schedules',
  {
    localAuthorityId: uuid('local_authority_id')
      .primaryKey()
      .references(() => localAuthorities.id),
    enquiryMonths: integer('enquiry_months').notNull(),
    caseMonths: integer('case_months').notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check(
      'retention_schedules_months',
      sql`${t.enquiryMonths} between 1 and 600 and ${t.caseMonths} between 1 and 600`,
    ),
  ],
)

/**
 * Each ended case's place in the retention schedule: the day it ended (its last event then), what
 * it was (an enquiry that never became a case, or a case), and when it was anonymised. Kept by a
 * trigger on cases (migration 0019) whenever a case ends or is reopened, whichever code does it.
 */
export const caseRetention = pgTable(
  'case_retention',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    kind: text('kind').$type<'enquiry' | 'case'>().notNull(),
    // Null while the case is open again (reopened).
    closedOn: date('closed_on'),
    anonymisedAt: timestamp('anonymised_at', { withTimezone: true }),
    // retention | erasure
    anonymisedWhy: text('anonymised_why'),
  },
  (t) => [
    // What is due, a council and a kind at a time, oldest first (keyset on closed_on, case_id).
    index('case_retention_due')
      .on(t.localAuthorityId, t.kind, t.closedOn, t.caseId)
      .where(sql`${t.anonymisedAt} is null and ${t.closedOn} is not null`),
  ],
)

/** A legal hold: the case is kept whole while a complaint or a tribunal appeal is open. */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // complaint | tribunal-appeal | other
    reason: text('reason').notNull(),
    note: text('note').notNull(),
    placedBy: uuid('placed_by').references(() => users.id),
    placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
    liftedBy: uuid('lifted_by').references(() => users.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftNote: text('lift_note'),
  },
  (t) => [
    uniqueIndex('retention_holds_one_live')
      .on(t.caseId)
      .where(sql`${t.liftedAt} is null`),
    index('retention_holds_live_placed')
      .on(t.placedAt, t.id)
      .where(sql`${t.liftedAt} is null`),
  ],
)

/** Each run of the retention job: when, how many of each kind it anonymised, by council. */
export const retentionRuns = pgTable(
  'retention_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    status: text('status').notNull().default('running'), // running | done | failed
    anonymised: integer('anonymised').notNull().default(0),
    skippedHeld: integer('skipped_held').notNull().default(0),
    // { [council id]: { name, enquiries, cases } }
    byCouncil: jsonb('by_council')
      .$type<Record<string, { name: string; enquiries: number; cases: number }>>()
      .notNull()
      .default({}),
    error: text('error'),
  },
  (t) => [index('retention_runs_started').on(t.startedAt, t.id)],
)

/**
 * Each row of an audit table whose personal data was removed through audit_redact (migration
 * 0019): which fields, and the digest of the row's canonical text as it reads afterwards, so
 * audit-verify can tell this from tampering. Written only by that function, as the tables' owner.
 */
export const auditRedactions = pgTable(
  'audit_redactions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    rowId: bigint('row_id', { mode: 'number' }).notNull(),
    fields: text('fields').array().notNull(),
    digest: text('digest').notNull(),
    trailId: bigint('trail_id', { mode: 'number' })
      .notNull()
      .references(() => auditTrail.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('audit_redactions_row').on(t.chain, t.rowId, t.id)],
)
