import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import type { AppealSubject } from '../../domain/appeal-subject.ts'
import type { PartyAdjustments, PartyContactPreferences, RequestFacts } from '../../domain/request.ts'
import { agencies, localAuthorities } from './organisations.ts'
import { users } from './users.ts'

export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 1 })

export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    // The form's one-time key: a doubled or retried submission finds the case it already made.
    submissionKey: text('submission_key').unique(),
    // The council whose contract the case is under: it decides who may see it (every case has one).
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    status: text('status').notNull().default('enquiry'),
    // The coordinator looking after the case (none yet for a new enquiry).
    assignedTo: uuid('assigned_to').references(() => users.id),
    // Summaries are released together on this day at the latest (or earlier, by a coordinator).
    summariesReleaseOn: date('summaries_release_on'),
    summariesReleasedAt: timestamp('summaries_released_at', { withTimezone: true }),
    scope: text('scope').notNull().default('undecided'),
    channel: text('channel').notNull(), // online | phone | email
    // The day the person got in touch (a phone call may be logged the next morning).
    receivedOn: date('received_on').notNull(),
    childName: text('child_name').notNull(),
    childDateOfBirth: date('child_date_of_birth').notNull(),
    childSetting: text('child_setting').notNull(),
    childPostcode: text('child_postcode').notNull(),
    ehcStatus: text('ehc_status').notNull(),
    // The whole request as asked: who, about what, with whom, and how to contact them.
    request: jsonb('request').$type<RequestFacts>().notNull(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The case list's orders, each ending in the reference so that a page can start after a row
    // (keyset paging: features/cases/list); read backwards for newest first.
    index('cases_received_order').on(t.receivedOn, t.createdAt, t.reference),
    index('cases_child_order').on(sql`lower(${t.childName})`, t.reference),
    index('cases_council_received').on(t.localAuthorityId, t.receivedOn),
    index('cases_status_received').on(t.status, t.receivedOn, t.createdAt, t.reference),
    index('cases_scope_reference').on(t.scope, t.reference),
    index('cases_assigned_to').on(t.assignedTo),
  ],
)

/** Every change to a case, appended in the same transaction as the change. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    type: text('type').notNull(),
    // The day it happened, which may be earlier than the day it was recorded.
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    // What the event says: its own fields, by type (features/cases/timeline.ts reads each).
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    // The address of the request that recorded it (none for a job's own work, or an import).
    ip: text('ip'),
  },
  (t) => [
    index('case_events_case').on(t.caseId, t.id),
    // Reports count events of a kind by the day they happened (src/features/reports).
    index('case_events_type_day').on(t.type, t.occurredOn),
    // The audit search (src/features/audit/search): newest first, and by who recorded it.
    index('case_events_recorded').on(t.recordedAt, t.id),
    index('case_events_actor')
      .on(t.actorUserId, t.recordedAt)
      .where(sql`${t.actorUserId} is not null`),
  ],
)

export const scopeDecisions = pgTable(
  'scope_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    scope: text('scope').notNull(),
    reason: text('reason').notNull(),
    signpostAgencyId: uuid('signpost_agency_id').references(() => agencies.id),
    // The member of staff who decided; null when a council's system decided through the API.
    decidedBy: uuid('decided_by').references(() => users.id),
    // Who decided, as the timeline shows it: a staff name, or "API: <token name>".
    decidedByLabel: text('decided_by_label'),
    // SEN mediation: the decisions and plan sections the appeal is about (domain/appeal-subject.ts).
    appealSubject: jsonb('appeal_subject').$type<AppealSubject>(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  // The case page reads a case's latest decision.
  (t) => [index('scope_decisions_case').on(t.caseId, t.decidedAt)],
)

/** The people and organisations in a case: the family, whoever asked, and the other side. */
export const caseParties = pgTable(
  'case_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // parent | young-person | referrer | local-authority | school | health | social-care
    role: text('role').notNull(),
    name: text('name').notNull(),
    organisation: text('organisation'),
    email: text('email'),
    phone: text('phone'),
    contactPreferences: jsonb('contact_preferences').$type<PartyContactPreferences>().notNull().default({}),
    adjustments: jsonb('adjustments').$type<PartyAdjustments>().notNull().default({}),
    isRequester: boolean('is_requester').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('case_parties_case').on(t.caseId),
    // The portal finds a party by the address they type (src/features/portal/party-access.ts).
    index('case_parties_email_lower').on(sql`lower(trim(${t.email}))`),
    index('case_parties_phone_digits').on(
      sql`regexp_replace(regexp_replace(coalesce(${t.phone}, ''), '[^0-9+]', '', 'g'), '^(\\+44|0044)', '0')`,
    ),
  ],
)
