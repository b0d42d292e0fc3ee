import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import { users } from './users.ts'

/** Single-use sign-in links (or text codes) for parties. Only a hash of the secret is kept. */
export const portalSignIns = pgTable(
  'portal_sign_ins',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique(),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    channel: text('channel').notNull(), // email | text
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (t) => [index('portal_sign_ins_party').on(t.partyId, t.createdAt)],
)

/**
 * A third party's permission to act for the family (a SENDIASS officer, say). Access to the case
 * lasts only while the permission stands.
 */
export const partyPermissions = pgTable(
  'party_permissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    givenBy: text('given_by').notNull(),
    givenOn: text('given_on').notNull(), // ISO date
    how: text('how'),
    forWhat: text('for_what'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: text('withdrawn_by'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('party_permissions_party').on(t.partyId), index('party_permissions_case').on(t.caseId)],
)

/** The survey after the meeting (its labels are in src/features/portal/feedback/answers.ts). */
export interface FeedbackAnswers {
  satisfaction: 'very-satisfied' | 'satisfied' | 'neither' | 'dissatisfied' | 'very-dissatisfied'
  heard: 'yes' | 'partly' | 'no'
  comment: string
}

export interface ComplaintAnswers {
  complaint: string
  /** What would put it right, if they said. */
  outcome: string
}

/** A party's feedback after the meeting, or a complaint: both for staff to act on. */
export const partyFeedback = pgTable(
  'party_feedback',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    partyId: uuid('party_id')
      .notNull()
      .references(() => caseParties.id),
    kind: text('kind').notNull(), // feedback | complaint
    // FeedbackAnswers when kind is 'feedback', ComplaintAnswers when 'complaint' (checked on write).
    answers: jsonb('answers').$type<FeedbackAnswers | ComplaintAnswers>().notNull(),
    submissionKey: text('submission_key').unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    // For complaints: received | acknowledged | resolved
    status: text('status').notNull().default('received'),
    handledBy: uuid('handled_by').references(() => users.id),
  },
  (t) => [index('party_feedback_case').on(t.caseId), index('party_feedback_kind_submitted').on(t.kind, t.submittedAt)],
)
