// The outbox's queries for delivery (delivery.ts says how claims and leases keep each message to
// one worker at a time).
import { and, asc, count, eq, inArray, lte, notInArray, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { messages } from '../../db/schema/index.ts'

/** Due now: queued and due, or claimed by a worker whose lease has passed. */
const dueAt = (now: Date) =>
  or(
    and(eq(messages.status, 'queued'), lte(messages.nextAttemptAt, now)),
    // A worker took it and stopped answering: its lease has passed.
    and(eq(messages.status, 'sending'), lte(messages.lockedUntil, now)),
  )

/** Messages due on a channel that cannot send become 'kept'; how many did. */
export async function keepUnsendable(db: Db, ready: readonly string[], now: Date): Promise<number> {
  const kept = await db
    .update(messages)
    .set({ status: 'kept', lockedUntil: null })
    .where(and(ready.length ? notInArray(messages.channel, [...ready]) : sql`true`, dueAt(now)))
    .returning({ id: messages.id })
  return kept.length
}

/** Claims the next message due on a ready channel, with a lease until `lease`; undefined when none is. */
export async function claimNextDue(db: Db, ready: readonly string[], now: Date, lease: Date) {
  const due = db
    .select({ id: messages.id })
    .from(messages)
    .where(and(inArray(messages.channel, [...ready]), dueAt(now)))
    .orderBy(asc(messages.nextAttemptAt), asc(messages.createdAt))
    .limit(1)
    .for('update', { skipLocked: true })
  const [row] = await db
    .update(messages)
    .set({ status: 'sending', lockedUntil: lease, attempts: sql`${messages.attempts} + 1` })
    .where(inArray(messages.id, due))
    .returning()
  return row
}

export type ClaimedMessage = NonNullable<Awaited<ReturnType<typeof claimNextDue>>>

/** Changes a claimed message, only while this worker still holds its lease. */
export async function settleClaim(
  db: Db,
  claim: { id: string; lease: Date },
  change: Partial<
    Pick<typeof messages.$inferInsert, 'status' | 'sentAt' | 'providerReference' | 'lastError' | 'nextAttemptAt'>
  >,
) {
  await db
    .update(messages)
    .set({ ...change, lockedUntil: null })
    .where(and(eq(messages.id, claim.id), eq(messages.status, 'sending'), eq(messages.lockedUntil, claim.lease)))
}

/** Messages that should have gone out by `before` but have not been taken (the delivery job is stuck). */
export async function countOverdue(db: Db, before: Date): Promise<number> {
  const [row] = await db.select({ n: count() }).from(messages).where(dueAt(before))
  return Number(row?.n ?? 0)
}
