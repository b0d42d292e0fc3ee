import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import type { BankHolidaysFile } from '../../domain/calendar.ts'
import type { CertificateContent } from '../../domain/certificate.ts'
import { cases } from './cases.ts'
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

/** What each row of the deadline index is, from its name (the Today page counts and lists by it). */
export const deadlineKinds = ['deadline', 'update', 'chaser', 'enquiry', 'agreement-point', 'appeal'] as const
export type DeadlineKind = (typeof deadlineKinds)[number]

/**
 * The deadlines derived from each case's events, kept only as an index for "what is due"
 * questions (the Today page): the statutory clocks, the updates owed, the chasers due and the
 * enquiries not yet answered. Recomputed in the same transaction as every event.
 */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // A statutory clock's name (appeal, certificate, ...), update:<party id> for an update owed,
    // chaser:<party kind> for a chaser due, enquiry for an enquiry nobody has answered yet.
    name: text('name').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status').notNull(), // open | overdue | met | met-late | stopped
    // The person an update is owed to.
    partyId: uuid('party_id'),
    kind: text('kind')
      .$type<DeadlineKind>()
      .notNull()
      .generatedAlwaysAs(
        sql`case when name like 'update:%' then 'update' when name like 'chaser:%' then 'chaser'
          when name = 'enquiry' then 'enquiry' when name like 'agreement-point:%' then 'agreement-point'
          when name = 'appeal' then 'appeal' else 'deadline' end`,
      ),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.name] }),
    // Today's list, most urgent first, and its count of each kind (only what is still to do).
    index('case_deadlines_to_do')
      .on(t.dueDate)
      .where(sql`status in ('open', 'overdue') and kind in ('deadline', 'update', 'chaser', 'enquiry')`),
    index('case_deadlines_kind_due')
      .on(t.kind, t.dueDate)
      .where(sql`status in ('open', 'overdue')`),
  ],
)

/**
 * A request to work out the deadlines of the cases not closed again, after a change that moves
 * them (the appeal exclusion, the chaser interval, the bank holidays, a council's update cadence),
 * done by a job (src/jobs) a batch at a time: `done` of `total`, continuing after `afterCaseId`.
 */
export const deadlineRecomputes = pgTable('deadline_recomputes', {
  id: uuid('id').primaryKey().defaultRandom(),
  // appeal-exclusion | chaser-interval | bank-holidays | update-cadence | deadline-index
  reason: text('reason').notNull(),
  // Only this council's cases (a change to its update cadence); null: every council's.
  localAuthorityId: uuid('local_authority_id').references(() => localAuthorities.id),
  requestedBy: uuid('requested_by').references(() => users.id),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  startedAt: timestamp('started_at', { withTimezone: true }),
  finishedAt: timestamp('finished_at', { withTimezone: true }),
  total: integer('total'),
  done: integer('done').notNull().default(0),
  afterCaseId: uuid('after_case_id'),
})

/** Service-wide settings that administrators change (each value checked by zod when read). */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').$type<string | number | boolean>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
})

/** Bank holiday files uploaded by administrators; the newest replaces the one shipped. */
export const bankHolidayFiles = pgTable('bank_holiday_files', {
  id: uuid('id').primaryKey().defaultRandom(),
  data: jsonb('data').$type<BankHolidaysFile>().notNull(),
  coveredUntilYear: text('covered_until_year').notNull(),
  uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  uploadedBy: uuid('uploaded_by')
    .notNull()
    .references(() => users.id),
})

/** Bearer tokens for the JSON API, each for one commissioning authority. Only a hash is kept. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // Requests a minute this token may make (a council's bulk read may need more than the default).
    requestsPerMinute: integer('requests_per_minute').notNull().default(120),
  },
  (t) => [check('api_tokens_requests_per_minute', sql`${t.requestsPerMinute} between 1 and 100000`)],
)

/** Mediation certificates as issued: what they said is kept, so they can be produced again. */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    kind: text('kind').notNull(),
    issuedOn: date('issued_on').notNull(),
    issuedBy: uuid('issued_by').references(() => users.id),
    content: jsonb('content').$type<CertificateContent>().notNull(),
    largePrint: boolean('large_print').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('certificates_case').on(t.caseId), index('certificates_issued_on').on(t.issuedOn)],
)
