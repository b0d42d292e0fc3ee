import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import type {
  AgreementContent,
  AttendanceEntry,
  GroundRulesAgreed,
  IssueOutcomes,
} from '../../domain/agreement-content.ts'
import { caseParties, cases } from './cases.ts'
import { caseIssues } from './preparation.ts'
import { meetings } from './meetings.ts'
import { users } from './users.ts'

/** What happened at the meeting: who came, the ground rules agreed, times, and each issue's result. */
export const meetingRecords = pgTable(
  'meeting_records',
  {
    meetingId: uuid('meeting_id')
      .primaryKey()
      .references(() => meetings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    startedAt: text('started_at'), // HH:MM
    endedAt: text('ended_at'),
    // Who was expected and who came (attendeeId for those expected), and who could agree.
    attendance: jsonb('attendance')
      .$type<AttendanceEntry[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // { confidentiality: true, respect: true, listening: true, impartiality: true }
    groundRules: jsonb('ground_rules')
      .$type<GroundRulesAgreed>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    privateSessions: integer('private_sessions').notNull().default(0),
    // { [case_issues.id]: 'resolved' | 'partly-resolved' | 'not-resolved' }
    issueOutcomes: jsonb('issue_outcomes')
      .$type<IssueOutcomes>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    recordedBy: uuid('recorded_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  // A case's rows, for anonymising it (src/features/retention).
  (t) => [index('meeting_records_case').on(t.caseId)],
)

/** The agreement: drafted at the meeting, reviewed by all, then final (its content frozen). */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .unique()
      .references(() => cases.id),
    meetingId: uuid('meeting_id').references(() => meetings.id),
    status: text('status').notNull().default('draft'), // draft | final
    // Issues not agreed, in the parties' words.
    notAgreed: jsonb('not_agreed')
      .$type<string[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    // The parties agreed that a check-in goes out when each point falls due.
    checkInsAgreed: boolean('check_ins_agreed').notNull().default(false),
    // What the final agreement said, kept so it can be produced again exactly.
    finalContent: jsonb('final_content').$type<AgreementContent>(),
    finalisedOn: date('finalised_on'),
    finalisedBy: uuid('finalised_by').references(() => users.id),
    largePrint: boolean('large_print').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agreements_finalised_on').on(t.finalisedOn)],
)

/** One point of the agreement, in the participants' own words, and what became of it. */
export const agreementPoints = pgTable(
  'agreement_points',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    issueId: uuid('issue_id').references(() => caseIssues.id),
    position: integer('position').notNull(),
    // Who will do it: a party of the case, or someone named in words.
    responsiblePartyId: uuid('responsible_party_id').references(() => caseParties.id),
    responsibleName: text('responsible_name'),
    what: text('what').notNull(),
    byWhen: date('by_when'),
    howKnown: text('how_known'),
    // Could it otherwise be appealed? assess | no-plan | issue-plan | draft-plan | final-plan | cease | other
    appealableKind: text('appealable_kind'),
    // The parties agreed a different timescale in writing: by_when stands over the statutory date.
    ownTimescaleAgreed: boolean('own_timescale_agreed').notNull().default(false),
    statutoryDueDate: date('statutory_due_date'),
    dueDate: date('due_date'), // the one that counts: statutory, or by_when
    // open | kept | late | not-kept
    followUp: text('follow_up').notNull().default('open'),
    followUpNote: text('follow_up_note'),
    followUpRecordedOn: date('follow_up_recorded_on'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('agreement_points_agreement').on(t.agreementId, t.position),
    index('agreement_points_due').on(t.followUp, t.dueDate),
    index('agreement_points_due_date').on(t.dueDate),
    index('agreement_points_case').on(t.caseId),
  ],
)

/** Each party's acceptance of the agreement as it stood (its version), at the meeting or online. */
export const agreementAcceptances = pgTable(
  'agreement_acceptances',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    agreementVersion: integer('agreement_version').notNull(),
    how: text('how').notNull(), // at-meeting | portal
    recordedBy: uuid('recorded_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('agreement_acceptances_once').on(t.agreementId, t.partyId, t.agreementVersion)],
)

/** How the case ended, for reporting: one row per case, written when it closes. */
export const caseOutcomes = pgTable(
  'case_outcomes',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id),
    // full-agreement | partial-agreement | no-agreement | withdrawn | could-not-proceed | referred
    outcome: text('outcome').notNull(),
    withdrawnBy: text('withdrawn_by'),
    reason: text('reason'),
    unwillingPartyId: uuid('unwilling_party_id').references(() => caseParties.id),
    referredTo: text('referred_to'),
    pointsKept: integer('points_kept').notNull().default(0),
    pointsNotKept: integer('points_not_kept').notNull().default(0),
    recordedBy: uuid('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_outcomes_recorded_at').on(t.recordedAt)],
)
