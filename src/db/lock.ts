// PGlite lets a second process open the same data folder, and then committed rows are lost.
// Whoever opens the folder holds this lock until it closes it.
import { mkdirSync } from 'node:fs'
import lockfile from 'proper-lockfile'

export class DataFolderLockedError extends Error {}

export async function lockDataFolder(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true })
  try {
    return await lockfile.lock(dir, { lockfilePath: `${dir}.lock`, retries: 0, stale: 15_000 })
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err
    throw new DataFolderLockedError(
      `The data folder ${dir} is in use by another Parley process (a server or a command).\n` +
        'Stop that process first. Only one process may use the embedded database at a time; ' +
        'to run several, use PostgreSQL (set DATABASE_URL).',
    )
  }
}
