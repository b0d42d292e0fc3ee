// Queries of the wording administrators have changed (message_templates); the standard wording is in code.
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { messageTemplates } from '../../db/schema/index.ts'

export async function savedWording(db: Db | Tx, key: string) {
  const [saved] = await db.select().from(messageTemplates).where(eq(messageTemplates.key, key))
  return saved
}

/** When each changed wording was last saved. */
export function changedWordings(db: Db) {
  return db.select({ key: messageTemplates.key, updatedAt: messageTemplates.updatedAt }).from(messageTemplates)
}

export async function upsertWording(
  db: Db,
  key: string,
  values: { subject: string; body: string; updatedAt: Date; updatedBy: string | null },
) {
  await db
    .insert(messageTemplates)
    .values({ key, ...values })
    .onConflictDoUpdate({ target: messageTemplates.key, set: values })
}

export async function deleteWording(db: Db, key: string) {
  await db.delete(messageTemplates).where(eq(messageTemplates.key, key))
}
