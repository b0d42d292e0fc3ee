// Bulk inserts: multi-row statements of about 1,000 rows (fewer for wide rows, to stay under the
// 65,535 parameters a statement may have), every table of a batch in one transaction.
import { getTableColumns } from 'drizzle-orm'
import type { Db } from '../../src/db/client.ts'
import type { Stopwatch } from './progress.ts'
import { TABLES, type Rows, type TableName } from './rows.ts'

const ROWS_PER_STATEMENT = 1000
const MAX_PARAMETERS = 60_000

export async function insertBatch(db: Db, rows: Rows, watch: Stopwatch): Promise<number> {
  let inserted = 0
  await db.transaction(async (tx) => {
    for (const name of Object.keys(TABLES) as TableName[]) {
      const list = rows[name] as object[]
      if (!list.length) continue
      const columns = Object.keys(getTableColumns(TABLES[name])).length
      const size = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / columns)))
      await watch.time(name, async () => {
        for (let start = 0; start < list.length; start += size) {
          // Drizzle maps each row to the table's columns (and defaults) as the app's own inserts do.
          await tx.insert(TABLES[name]).values(list.slice(start, start + size) as never)
        }
      })
      inserted += list.length
    }
  })
  return inserted
}
