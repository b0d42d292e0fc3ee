import { sql } from 'drizzle-orm'
import {
  bigserial,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import { mediators } from './mediators.ts'
import { messages } from './messages.ts'
import { localAuthorities } from './organisations.ts'
import { partyFeedback } from './portal.ts'
import { users } from './users.ts'

export const complaintReferenceSeq = pgSequence('complaint_reference_seq', { startWith: 1 })

/**
 * A complaint about the service, a mediator or a member of staff, however it arrived. It belongs
 * to a council: the case's council where there is a case (it decides who sees the complaint), else
 * the one staff chose. The complainant is a party of the case, or someone else with their details.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    caseId: uuid('case_id').references(() => cases.id),
    // The complainant, when they are a party of the case (their contact details are the party's).
    partyId: uuid('party_id').references(() => caseParties.id),
    // The portal's complaint form this entry was made from.
    portalFeedbackId: uuid('portal_feedback_id')
      .unique()
      .references(() => partyFeedback.id),
    complainantName: text('complainant_name').notNull(),
    // For someone who is not a party: who they are to the case, and how to reach them.
    complainantRelationship: text('complainant_relationship'),
    complainantEmail: text('complainant_email'),
    complainantPhone: text('complainant_phone'),
    complainantAddress: text('complainant_address'),
    complainantPrefers: text('complainant_prefers'), // email | post | phone
    receivedVia: text('received_via').notNull(), // portal | phone | email | letter | in-person
    receivedOn: date('received_on').notNull(),
    about: text('about').notNull(), // service | mediator | staff
    aboutMediatorId: uuid('about_mediator_id').references(() => mediators.id),
    aboutUserId: uuid('about_user_id').references(() => users.id),
    whatHappened: text('what_happened').notNull(),
    // When the events complained about happened (the latest of them): the Civil Mediation Council
    // takes a complaint within 6 months of it.
    happenedOn: date('happened_on').notNull(),
    wantedOutcome: text('wanted_outcome').notNull().default(''),
    stage: text('stage').notNull(), // informal | formal | review: the stage it is at
    status: text('status').notNull().default('open'), // open | answered | closed
    recordedBy: uuid('recorded_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('complaints_council_received').on(t.localAuthorityId, t.receivedOn),
    index('complaints_mediator').on(t.aboutMediatorId),
    index('complaints_case').on(t.caseId),
  ],
)

/**
 * Each stage a complaint went through, with its deadlines worked out in working days from its
 * start (the council's settings when it started), and what was done at it.
 */
export const complaintStages = pgTable(
  'complaint_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    stage: text('stage').notNull(), // informal | formal | review
    startedOn: date('started_on').notNull(),
    acknowledgeBy: date('acknowledge_by').notNull(),
    respondBy: date('respond_by').notNull(),
    acknowledgedOn: date('acknowledged_on'),
    acknowledgedHow: text('acknowledged_how'), // message | phone | in-person | email | letter
    respondedOn: date('responded_on'),
    outcome: text('outcome'), // upheld | partly-upheld | not-upheld
    findings: text('findings'),
    changes: text('changes'),
    // After the last stage: which route the complainant was told of (cmc | council).
    nextRoute: text('next_route'),
    responseMessageId: uuid('response_message_id').references(() => messages.id),
    respondedBy: uuid('responded_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('complaint_stages_complaint_stage').on(t.complaintId, t.stage),
    // What Today asks: acknowledgements and responses still owed, by due date.
    index('complaint_stages_acknowledge_due')
      .on(t.acknowledgeBy)
      .where(sql`${t.acknowledgedOn} is null and ${t.respondedOn} is null`),
    index('complaint_stages_response_due')
      .on(t.respondBy)
      .where(sql`${t.respondedOn} is null`),
  ],
)

/** What a complaint event says: its own flat fields, by type. */
export type ComplaintEventData = Record<string, string | number | boolean | null>

/** Every step of a complaint, appended in the same transaction as the step. */
export const complaintEvents = pgTable(
  'complaint_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    type: text('type').notNull(),
    occurredOn: date('occurred_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    actorLabel: text('actor_label').notNull(),
    data: jsonb('data').$type<ComplaintEventData>().notNull().default({}),
  },
  (t) => [index('complaint_events_complaint').on(t.complaintId, t.id)],
)
