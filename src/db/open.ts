// Opens the configured database and brings it up to date: used by the server and by the CLI.
import type { Config } from '../config.ts'
import { openDatabase, type Database } from './client.ts'
import { firstStart } from './first-start.ts'
import { runMigrations } from './migrate.ts'

export async function openConfiguredDatabase(config: Config): Promise<Database> {
  const database = await openDatabase(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: config.DATA_DIR })
  try {
    await runMigrations(database)
    const admin = await firstStart(database.db, config)
    // Printed plainly rather than logged: a person reads it once and signs in.
    if (admin) {
      console.log(
        `\n  Parley's first start: sign in as ${admin.email} with this one-time password:\n\n      ${admin.password}\n\n  You will be asked to choose your own password.\n`,
      )
    }
    return database
  } catch (err) {
    await database.close()
    throw err
  }
}
