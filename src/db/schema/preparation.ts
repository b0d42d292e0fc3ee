import { sql } from 'drizzle-orm'
import { boolean, customType, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import { users } from './users.ts'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

/** Each contact with a party before the meeting: when, how, who, and a short note. */
export const partyContacts = pgTable(
  'party_contacts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    contactedOn: date('contacted_on').notNull(),
    method: text('method').notNull(), // phone | email | letter | video | in-person
    byUserId: uuid('by_user_id')
      .notNull()
      .references(() => users.id),
    note: text('note').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('party_contacts_case').on(t.caseId)],
)

/** A party's issue in their own words; the mediator orders and merges them into the agenda. */
export const caseIssues = pgTable(
  'case_issues',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    text: text('text').notNull(),
    area: text('area').notNull(), // education | health | social-care
    position: integer('position').notNull(),
    mergedIntoId: uuid('merged_into_id'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_issues_case').on(t.caseId, t.position)],
)

/** The child's or young person's views, how they were gathered, and who they agreed may see them. */
export const childViews = pgTable(
  'child_views',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    views: text('views').notNull(),
    gatheredBy: text('gathered_by').notNull(), // in-person | drawing | letter | parent | advocate | other
    gatheredOn: date('gathered_on').notNull(),
    // The party roles the child agreed may see them (empty: the mediator only).
    shareWith: text('share_with')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    consentToShare: boolean('consent_to_share').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // A case's rows, for anonymising it (src/features/retention).
  (t) => [index('child_views_case').on(t.caseId)],
)

/** Who comes to the meeting for each party, and who can agree for the council or health body. */
export const attendees = pgTable(
  'attendees',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    name: text('name').notNull(),
    role: text('role').notNull(), // e.g. SEN officer, headteacher, advocate
    hasAuthorityToAgree: boolean('has_authority_to_agree').notNull().default(false),
    isSupporter: boolean('is_supporter').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  // A case's rows, for anonymising it (src/features/retention).
  (t) => [index('attendees_case').on(t.caseId)],
)

/** A party's written summary, typed or uploaded; nobody sees another's until they are released. */
export const summaries = pgTable(
  'summaries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    text: text('text'),
    fileName: text('file_name'),
    fileType: text('file_type'), // the type found in the content: application/pdf, ...wordprocessingml.document
    fileSize: integer('file_size'),
    file: bytea('file'),
    submittedBy: uuid('submitted_by').references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('summaries_case').on(t.caseId)],
)
