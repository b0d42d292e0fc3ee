import { date, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import type { SafeReport } from '../../domain/report-safe.ts'
import { users } from './users.ts'

/**
 * A report worked out by the job runner (a long period, or every council at national volume):
 * who asked, for which councils and period, how far it has got, and the report itself, kept with
 * its small numbers already suppressed so it can be downloaded again.
 */
export const reportRuns = pgTable(
  'report_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    // The councils it covers (local_authorities ids), and how the report names them.
    councilIds: uuid('council_ids').array().notNull(),
    councilName: text('council_name').notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date').notNull(),
    status: text('status').notNull().default('queued'), // queued | running | done | failed
    // Months worked out so far, of how many.
    stepsDone: integer('steps_done').notNull().default(0),
    stepsTotal: integer('steps_total').notNull(),
    result: jsonb('result').$type<SafeReport>(),
    error: text('error'),
    // A worker holds a running report until then; one whose worker died is taken again after it.
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('report_runs_status').on(t.status, t.createdAt),
    index('report_runs_requested_by').on(t.requestedBy, t.createdAt),
  ],
)
