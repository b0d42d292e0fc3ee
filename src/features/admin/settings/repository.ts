// The service settings page's queries: who last changed each setting, and the open cases whose
// deadlines are worked out again after a change, a batch at a time.
import { and, asc, eq, gt, ne, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.ts'
import { cases, settings, users } from '../../../db/schema/index.ts'

/** Each setting's last change and the name of who made it (null once their account is gone). */
export function settingChanges(db: Db) {
  return db
    .select({ key: settings.key, updatedAt: settings.updatedAt, by: users.name })
    .from(settings)
    .leftJoin(users, eq(users.id, settings.updatedBy))
}

/** The next batch of cases that are not closed, in id order after `after`, locked until the transaction ends. */
export async function lockOpenCases(
  tx: Tx,
  batch: { after?: string; localAuthorityId?: string; limit: number },
): Promise<string[]> {
  const conditions: SQL[] = [ne(cases.status, 'closed')]
  if (batch.localAuthorityId) conditions.push(eq(cases.localAuthorityId, batch.localAuthorityId))
  if (batch.after) conditions.push(gt(cases.id, batch.after))
  const rows = await tx
    .select({ id: cases.id })
    .from(cases)
    .where(and(...conditions))
    .orderBy(asc(cases.id))
    .limit(batch.limit)
    .for('update')
  return rows.map((r) => r.id)
}
