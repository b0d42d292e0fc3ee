// Bulk inserts: multi-row INSERT ... VALUES statements of about 1,000 rows (fewer for wide rows,
// to stay under the 65,535 parameters a statement may have), every table of a batch in one
// transaction. The statements are written here rather than by Drizzle's builder, which spends
// about 100 ms on each 1,000 events; each value still goes through its column's own mapping.
import { getTableColumns, getTableName } from 'drizzle-orm'
import type { PgColumn } from 'drizzle-orm/pg-core'
import type pg from 'pg'
import type { Database } from '../../src/db/client.ts'
import type { Stopwatch } from './progress.ts'
import { TABLES, type Rows, type TableName } from './rows.ts'

const ROWS_PER_STATEMENT = 1000
const MAX_PARAMETERS = 60_000

type Query = (text: string, params: unknown[]) => Promise<unknown>

/** One transaction on one connection, with the engine's own client. */
async function inTransaction(database: Database, work: (query: Query) => Promise<void>) {
  if (database.pglite) {
    await database.pglite.transaction((tx) => work((text, params) => tx.query(text, params)))
    return
  }
  // Drizzle's node-postgres database keeps its pool here.
  const client = await (database.db as unknown as { $client: pg.Pool }).$client.connect()
  try {
    await client.query('begin')
    await work((text, params) => client.query(text, params))
    await client.query('commit')
  } catch (error) {
    await client.query('rollback').catch(() => {})
    throw error
  } finally {
    client.release()
  }
}

function statements(name: TableName, list: object[]): { text: string; params: unknown[] }[] {
  const columns = Object.entries(getTableColumns(TABLES[name])) as [string, PgColumn][]
  // Only the columns some row gives: the rest take their defaults, as in the app's inserts.
  const used = columns.filter(([key]) => list.some((row) => (row as Record<string, unknown>)[key] !== undefined))
  const size = Math.max(1, Math.min(ROWS_PER_STATEMENT, Math.floor(MAX_PARAMETERS / used.length)))
  const head = `insert into "${getTableName(TABLES[name])}" (${used.map(([, c]) => `"${c.name}"`).join(', ')}) values `
  const out = []
  for (let start = 0; start < list.length; start += size) {
    const params: unknown[] = []
    const tuples: string[] = []
    for (const row of list.slice(start, start + size) as Record<string, unknown>[]) {
      const cells = used.map(([key, column]) => {
        const value = row[key]
        if (value === undefined) return 'default'
        if (value === null) return 'null'
        params.push(column.mapToDriverValue(value))
        return `$${params.length}`
      })
      tuples.push(`(${cells.join(',')})`)
    }
    out.push({ text: head + tuples.join(','), params })
  }
  return out
}

export async function insertBatch(database: Database, rows: Rows, watch: Stopwatch): Promise<number> {
  let inserted = 0
  await inTransaction(database, async (query) => {
    for (const name of Object.keys(TABLES) as TableName[]) {
      const list = rows[name] as object[]
      if (!list.length) continue
      await watch.time(name, async () => {
        for (const s of statements(name, list)) await query(s.text, s.params)
      })
      inserted += list.length
    }
  })
  return inserted
}
