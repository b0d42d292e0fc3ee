import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'
import { users } from './users.ts'

/** Who looked at whose personal data, and when. Changes are in case_events. */
export const accessLog = pgTable(
  'access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    userId: uuid('user_id').notNull().references(() => users.id),
    caseId: uuid('case_id').references(() => cases.id),
    action: text('action').notNull(),
    path: text('path').notNull(),
  },
  (t) => [index('access_log_case').on(t.caseId, t.at)],
)
