// Queries of the outbox: writing a message (in the caller's transaction) and reading the party it
// goes to. Delivery's own queries are in delivery-repository.ts.
import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { caseParties, messages } from '../../db/schema/index.ts'

export type NewMessageRow = typeof messages.$inferInsert

/** Writes the message; undefined when its dedupe key was used before (it is queued already). */
export async function insertMessage(tx: Tx, row: NewMessageRow) {
  const [inserted] = await tx
    .insert(messages)
    .values(row)
    .onConflictDoNothing({ target: messages.dedupeKey })
    .returning()
  return inserted
}

export async function partyRow(tx: Tx, partyId: string) {
  const [party] = await tx.select().from(caseParties).where(eq(caseParties.id, partyId))
  return party
}
