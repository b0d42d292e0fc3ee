import { sql } from 'drizzle-orm'
import {
  customType,
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
import { localAuthorities } from './organisations.ts'
import { users } from './users.ts'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const rightsRequestReferenceSeq = pgSequence('rights_request_reference_seq', { startWith: 1 })

/** Where a person was found in a case: as its child, or as one of its parties. */
export interface RightsMatch {
  caseId: string
  as: 'child' | 'party'
  /** The party, when found as one. */
  partyId?: string
}

/**
 * A request a person makes under UK GDPR about the data held on them: a copy of it (subject
 * access, art. 15), a correction (rectification, art. 16) or its erasure (art. 17). It belongs to
 * the council staff chose (it decides who sees it), is due one calendar month from the day it was
 * received (art. 12(3)), and keeps its decision and the reasons for it.
 */
export const rightsRequests = pgTable(
  'rights_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull().unique(),
    kind: text('kind').notNull(), // access | rectification | erasure
    localAuthorityId: uuid('local_authority_id')
      .notNull()
      .references(() => localAuthorities.id),
    // Who asked, and who they are to the person the data is about ("Herself", "Her mother").
    requesterName: text('requester_name').notNull(),
    requesterRelationship: text('requester_relationship').notNull().default(''),
    // The person the data is about, as far as the request says: what finds them in the cases.
    subjectName: text('subject_name').notNull(),
    subjectEmail: text('subject_email'),
    subjectPhone: text('subject_phone'),
    subjectDateOfBirth: date('subject_date_of_birth'),
    // What the person asked for: the data to correct (and how) or to erase.
    details: text('details').notNull().default(''),
    receivedOn: date('received_on').notNull(),
    dueOn: date('due_on').notNull(),
    // open | accepted | refused | done
    status: text('status').notNull().default('open'),
    // Where staff found the person, picked from the search.
    matches: jsonb('matches')
      .$type<RightsMatch[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    decision: text('decision'), // accepted | refused
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    // What was done, when the request was carried out (or the copy released).
    outcome: text('outcome'),
    completedBy: uuid('completed_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    // The list, soonest due first, a page after a row (keyset on due date and reference).
    index('rights_requests_due').on(t.dueOn, t.reference),
    // Today: the requests still to finish, by their deadline.
    index('rights_requests_owed')
      .on(t.dueOn, t.reference)
      .where(sql`${t.completedAt} is null`),
    index('rights_requests_council').on(t.localAuthorityId, t.dueOn),
  ],
)

/** A subject access export: the zip, built at once when small, else by the rights-exports job. */
export const rightsExports = pgTable(
  'rights_exports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => rightsRequests.id),
    status: text('status').notNull(), // queued | building | ready | failed | deleted
    fileName: text('file_name').notNull(),
    file: bytea('file'),
    size: integer('size'),
    error: text('error'),
    requestedBy: uuid('requested_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readyAt: timestamp('ready_at', { withTimezone: true }),
  },
  (t) => [
    index('rights_exports_request').on(t.requestId, t.createdAt),
    index('rights_exports_queued')
      .on(t.createdAt)
      .where(sql`${t.status} = 'queued'`),
    // The files kept, oldest first: each is deleted a set time after it was made (rights-exports job).
    index('rights_exports_kept')
      .on(t.readyAt)
      .where(sql`${t.status} = 'ready'`),
  ],
)
