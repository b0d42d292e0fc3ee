import { sql } from 'drizzle-orm'
import { bigserial, bigint, date, index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { cases } from './cases.ts'

/**
 * Every name in a case (the child's and each party's) once, as search reads it: lower case, single
 * spaces. Search by a misspelt name finds the close names here (a trigram index over names rather
 * than over people: many people share a name), then their cases through case_names. Both tables
 * are kept by triggers on cases and case_parties (migration 0010), in the same transaction as the
 * change to a name, whichever code makes it.
 */
export const searchNames = pgTable(
  'search_names',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    name: text('name').notNull().unique(),
  },
  (t) => [index('search_names_trgm').using('gin', sql`${t.name} gin_trgm_ops`)],
)

/** Which cases have each name, with the list's order (newest first) so a name's newest cases are a short read. */
export const caseNames = pgTable(
  'case_names',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    nameId: bigint('name_id', { mode: 'number' })
      .notNull()
      .references(() => searchNames.id),
    receivedOn: date('received_on').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    reference: text('reference').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.nameId] }),
    index('case_names_newest').on(t.nameId, t.receivedOn.desc(), t.createdAt.desc(), t.reference.desc()),
  ],
)
