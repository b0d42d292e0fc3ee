// One database API over two engines: PGlite in a local folder (zero set-up) or PostgreSQL
// (DATABASE_URL). Drizzle's query API is the same for both; we type both as the node-postgres one.
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from './schema/index.ts'
import { lockDataFolder } from './lock.ts'

export type Db = NodePgDatabase<typeof schema>
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]

export interface Database {
  db: Db
  kind: 'pglite' | 'postgres'
  /** The embedded database's own client (for pg-boss, src/jobs): set when kind is 'pglite'. */
  pglite?: PGlite
  /** The PostgreSQL connection string (for pg-boss, src/jobs): set when kind is 'postgres'. */
  url?: string
  /** Answers when the database does: for /ready. */
  ping(): Promise<void>
  close(): Promise<void>
}

export type DatabaseOptions =
  | { url: string }
  | { dataDir: string } // a folder, locked while open
  | { memory: true; /** A dump (PGlite's dumpDataDir) to start from, instead of an empty database. */ from?: Blob } // for tests

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if ('url' in options) {
    // A server that does not answer fails a request within seconds (a 503), rather than holding it.
    const pool = new pg.Pool({ connectionString: options.url, max: 10, connectionTimeoutMillis: 3_000 })
    // The server may close an idle connection (a restart, a failover): the pool drops it and
    // opens another when needed, so it is a warning, not a crash.
    pool.on('error', (err) => process.emitWarning(`A PostgreSQL connection was closed: ${err.message}`))
    const db = drizzlePg(pool, { schema })
    return {
      db,
      kind: 'postgres',
      url: options.url,
      ping: async () => void (await pool.query('select 1')),
      close: () => pool.end(),
    }
  }
  const unlock = 'dataDir' in options ? await lockDataFolder(options.dataDir) : async () => {}
  try {
    // Extensions must be registered on every open, not only when first created.
    const client = await PGlite.create('dataDir' in options ? options.dataDir : undefined, {
      extensions: { pg_trgm },
      ...('from' in options && options.from ? { loadDataDir: options.from } : {}),
    })
    const db = drizzlePglite(client, { schema }) as unknown as Db
    return {
      db,
      kind: 'pglite',
      pglite: client,
      ping: async () => void (await db.execute(sql`select 1`)),
      close: async () => {
        await client.close()
        await unlock()
      },
    }
  } catch (err) {
    await unlock()
    throw err
  }
}
