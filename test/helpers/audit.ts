// The audit tables refuse UPDATE and DELETE (their triggers, migration 0015). A test that counts
// what one request records starts from an empty access log, emptied as only the tables' owner can:
// with the trigger off for that one statement.
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'

export async function clearAccessLog(database: Database): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table access_log disable trigger access_log_append_only`)
    await tx.execute(sql`delete from access_log`)
    await tx.execute(sql`alter table access_log enable trigger access_log_append_only`)
  })
}
