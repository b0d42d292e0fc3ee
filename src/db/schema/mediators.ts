import { sql } from 'drizzle-orm'
import { boolean, date, index, integer, jsonb, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import type { Reason } from '../../domain/allocation.ts'
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

/** A mediator on the panel: how to reach them, their accreditation and what they can do. */
export const mediators = pgTable('mediators', {
  id: uuid('id').primaryKey().defaultRandom(),
  // Their staff account (role mediator), through which they see their own cases.
  userId: uuid('user_id')
    .unique()
    .references(() => users.id),
  name: text('name').notNull(),
  email: text('email').notNull(),
  phone: text('phone'),
  cmcRegistrationNumber: text('cmc_registration_number'),
  cmcRegistrationExpiry: date('cmc_registration_expiry'),
  sendRegisterNumber: text('send_register_number'),
  sendRegisterExpiry: date('send_register_expiry'),
  senTrainingCompletedOn: date('sen_training_completed_on'),
  senTrainingDetails: text('sen_training_details'),
  insurer: text('insurer'),
  // Professional indemnity cover in whole pounds (at least 1,000,000 to be allocated).
  insuranceCoverPounds: integer('insurance_cover_pounds'),
  insuranceExpiry: date('insurance_expiry'),
  dbsCheckedOn: date('dbs_checked_on'),
  dbsRenewalDue: date('dbs_renewal_due'),
  languages: text('languages')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`), // 'English', 'BSL', 'Polish', ...
  // Commissioning authorities (local_authorities.code) whose area they can reach.
  areas: text('areas')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  venues: text('venues')
    .array()
    .notNull()
    .default(sql`'{}'::text[]`),
  // ISO weekdays they work: 1 Monday .. 5 Friday.
  workingDays: integer('working_days')
    .array()
    .notNull()
    .default(sql`'{1,2,3,4,5}'::integer[]`),
  active: boolean('active').notNull().default(true),
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

export const mediatorCpd = pgTable('mediator_cpd', {
  id: uuid('id').primaryKey().defaultRandom(),
  mediatorId: uuid('mediator_id')
    .notNull()
    .references(() => mediators.id),
  completedOn: date('completed_on').notNull(),
  hours: numeric('hours', { precision: 5, scale: 1 }).notNull(),
  activity: text('activity').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

export const mediatorUnavailability = pgTable('mediator_unavailability', {
  id: uuid('id').primaryKey().defaultRandom(),
  mediatorId: uuid('mediator_id')
    .notNull()
    .references(() => mediators.id),
  fromDate: date('from_date').notNull(),
  toDate: date('to_date').notNull(),
  note: text('note'),
})

/** A declared link to an organisation that could be a party: allocation refuses or flags it. */
export const mediatorConflicts = pgTable('mediator_conflicts', {
  id: uuid('id').primaryKey().defaultRandom(),
  mediatorId: uuid('mediator_id')
    .notNull()
    .references(() => mediators.id),
  // local-authority | school | college | health
  organisationKind: text('organisation_kind').notNull(),
  organisationName: text('organisation_name').notNull(),
  // The council area the organisation is in, when known (for "near" conflicts).
  localAuthorityId: uuid('local_authority_id').references(() => localAuthorities.id),
  link: text('link').notNull(), // employment | family | contract | other
  details: text('details'),
  endedOn: date('ended_on'), // null while the link continues
  declaredOn: date('declared_on').notNull(),
})

/** What allocations.reasons keeps: the ranking as the coordinator saw it when they chose. */
export interface AllocationReasons {
  rank: number
  of: number
  score: number
  reasons: Reason[]
  window: { from: string; to: string }
}

/** Who mediates a case: the choice, why, and what became of it (an upheld objection ends it). */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    mediatorId: uuid('mediator_id')
      .notNull()
      .references(() => mediators.id),
    allocatedBy: uuid('allocated_by')
      .notNull()
      .references(() => users.id),
    allocatedAt: timestamp('allocated_at', { withTimezone: true }).notNull(),
    // The ranking's explanation at the time, and the coordinator's own reason.
    reasons: jsonb('reasons').$type<AllocationReasons>().notNull(),
    note: text('note'),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    endedBecause: text('ended_because'), // objection-upheld | replaced | withdrawn
  },
  (t) => [index('allocations_case').on(t.caseId), index('allocations_mediator').on(t.mediatorId, t.allocatedAt)],
)

export const allocationObjections = pgTable('allocation_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  allocationId: uuid('allocation_id')
    .notNull()
    .references(() => allocations.id),
  partyId: uuid('party_id')
    .notNull()
    .references(() => caseParties.id),
  reason: text('reason').notNull(),
  raisedOn: date('raised_on').notNull(),
  decision: text('decision'), // upheld | dismissed
  decisionReason: text('decision_reason'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: timestamp('decided_at', { withTimezone: true }),
})
