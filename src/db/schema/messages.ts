import { sql } from 'drizzle-orm'
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { caseParties, cases } from './cases.ts'
import { users } from './users.ts'

/** A file sent with a message: an .ics invitation, an agreement PDF, ... (parsed on write in outbox.ts). */
export interface MessageAttachment {
  filename: string
  contentType: string
  /** The bytes, base64. */
  content: string
}

/**
 * The outbox: every message (email, letter, text) is written here in the same transaction as the
 * change that causes it, then delivered by a job. The row is the truth about what was sent.
 */
export const messages = pgTable(
  'messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id').references(() => cases.id),
    partyId: uuid('party_id').references(() => caseParties.id),
    // A key that makes queueing idempotent: a reminder or a retried request queues one message.
    dedupeKey: text('dedupe_key').unique(),
    channel: text('channel').notNull(), // email | letter | text
    recipientName: text('recipient_name').notNull(),
    // An email address, a phone number, or a postal address (for a letter).
    recipientAddress: text('recipient_address').notNull(),
    templateKey: text('template_key').notNull(),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    attachments: jsonb('attachments')
      .$type<MessageAttachment[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    largePrint: boolean('large_print').notNull().default(false), // a letter set in large print
    // queued | sending | sent | failed (gave up after retries) | kept (no transport configured)
    status: text('status').notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    // While a worker is sending: others leave the row alone until this passes.
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    lastError: text('last_error'),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    providerReference: text('provider_reference'),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('messages_due').on(t.status, t.nextAttemptAt),
    index('messages_case').on(t.caseId, t.createdAt),
    index('messages_party').on(t.partyId),
  ],
)

/** An administrator's wording for a message; the defaults live in code. */
export const messageTemplates = pgTable('message_templates', {
  key: text('key').primaryKey(),
  subject: text('subject').notNull(),
  body: text('body').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
})
