// The audit trail's one query: a change, written in the caller's transaction.
import type { Tx } from '../../db/client.ts'
import { auditTrail } from '../../db/schema/index.ts'

export async function insertChange(tx: Tx, row: typeof auditTrail.$inferInsert) {
  await tx.insert(auditTrail).values(row)
}
