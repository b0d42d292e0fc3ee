import { sql } from 'drizzle-orm'
import {
  bigint,
  customType,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'
import { users } from './users.ts'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

/** Which column of a file holds each of Parley's fields, as an administrator last chose: offered again next time. */
export const importMappings = pgTable('import_mappings', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  // Parley's field -> the file's column heading.
  columns: jsonb('columns').$type<Record<string, string>>().notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})

/**
 * A file of existing cases brought in by an administrator (src/features/imports): the file as
 * uploaded, the columns chosen, and the import's progress as the job runner works through it.
 */
export const importBatches = pgTable(
  'import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    fileName: text('file_name').notNull(),
    fileKind: text('file_kind').notNull(), // csv | xlsx
    file: bytea('file').notNull(),
    fileHash: text('file_hash').notNull(),
    headers: jsonb('headers').$type<string[]>().notNull(),
    mapping: jsonb('mapping').$type<Record<string, string>>(),
    // uploaded | queued | running | done | failed | undo-queued | undoing | undone
    status: text('status').notNull().default('uploaded'),
    rowsTotal: integer('rows_total').notNull().default(0),
    rowsDone: integer('rows_done').notNull().default(0),
    casesMade: integer('cases_made').notNull().default(0),
    rowsSkipped: integer('rows_skipped').notNull().default(0),
    casesUndone: integer('cases_undone').notNull().default(0),
    error: text('error'),
    // A worker holds a running import until then; one whose worker died is taken again after it.
    leaseUntil: timestamp('lease_until', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    undoneBy: uuid('undone_by').references(() => users.id),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [index('import_batches_status').on(t.status, t.createdAt), index('import_batches_created').on(t.createdAt)],
)

/**
 * Each row of a file that became a case: its line, its key (the file's own reference, or a hash
 * of the row), and the case. A key is imported once: a file run again makes nothing twice. An
 * undone row frees its key, so a corrected file can be brought in again.
 */
export const importRows = pgTable(
  'import_rows',
  {
    batchId: uuid('batch_id')
      .notNull()
      .references(() => importBatches.id),
    line: integer('line').notNull(),
    rowKey: text('row_key').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    // The case's last event when the import made it: a later one means someone changed the case.
    lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.batchId, t.line] }),
    uniqueIndex('import_rows_key')
      .on(t.rowKey)
      .where(sql`${t.undoneAt} is null`),
    index('import_rows_case').on(t.caseId),
  ],
)
