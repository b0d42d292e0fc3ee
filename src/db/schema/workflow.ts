import { boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { BankHolidaysFile } from '../../domain/calendar.ts'
import type { CertificateContent } from '../../domain/certificate.ts'
import { cases } from './cases.ts'
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

/**
 * The deadlines derived from each case's events, kept only as an index for "what is due"
 * questions (the Today page). Recomputed in the same transaction as every event.
 */
export const caseDeadlines = pgTable(
  'case_deadlines',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // A statutory clock's name (appeal, certificate, ...), or update:<party id> for an update owed.
    name: text('name').notNull(),
    dueDate: date('due_date').notNull(),
    status: text('status').notNull(), // open | overdue | met | met-late | stopped
  },
  (t) => [primaryKey({ columns: [t.caseId, t.name] }), index('case_deadlines_open_due').on(t.status, t.dueDate)],
)

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
export const apiTokens = pgTable('api_tokens', {
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
})

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
  (t) => [index('certificates_case').on(t.caseId)],
)
