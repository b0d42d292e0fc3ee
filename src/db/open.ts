// Opens the configured database and brings it up to date: used by the server and by the CLI.
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { openDatabase, type Database } from './client.ts'
import { firstStart } from './first-start.ts'
import { runMigrations } from './migrate.ts'

export async function openConfiguredDatabase(config: Config, log: Pick<Logger, 'info'>): Promise<Database> {
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR })
  try {
    await runMigrations(database)
    await firstStart(database.db, config, log)
    return database
  } catch (err) {
    await database.close()
    throw err
  }
}
