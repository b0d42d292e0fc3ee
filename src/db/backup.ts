// Backups of the embedded database. PGlite never fsyncs, so a copy kept elsewhere is the only
// safeguard; on PostgreSQL use its own tools (pg_dump, or the host's backups).
import { existsSync, mkdirSync, readdirSync, renameSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { lockDataFolder } from './lock.ts'

const stamp = (at: Date) => at.toISOString().replace(/[:.]/g, '-')

/** Writes a compressed copy of the data folder and returns its path. */
export async function backupDataFolder(dataDir: string, backupDir: string, at: Date): Promise<string> {
  if (!existsSync(dataDir) || readdirSync(dataDir).length === 0)
    throw new Error(`There is no database in ${dataDir} to back up.`)
  const unlock = await lockDataFolder(dataDir)
  try {
    const db = await PGlite.create(dataDir, { extensions: { pg_trgm } })
    const dump = await db.dumpDataDir('gzip')
    await db.close()
    mkdirSync(backupDir, { recursive: true })
    const file = join(backupDir, `parley-${stamp(at)}.tar.gz`)
    await writeFile(file, Buffer.from(await dump.arrayBuffer()))
    return file
  } finally {
    await unlock()
  }
}

/**
 * Replaces the data folder with a backup. The folder it replaces is kept beside it, renamed,
 * so that a restore can itself be undone.
 */
export async function restoreDataFolder(dataDir: string, backupFile: string, at: Date): Promise<{ previous?: string }> {
  const archive = new Blob([await readFile(backupFile)])
  const unlock = await lockDataFolder(dataDir)
  let previous: string | undefined
  try {
    if (readdirSync(dataDir).length > 0) {
      previous = join(dirname(resolve(dataDir)), `${basename(resolve(dataDir))}.before-restore-${stamp(at)}`)
      renameSync(dataDir, previous)
      mkdirSync(dataDir)
    }
    const db = await PGlite.create(dataDir, { extensions: { pg_trgm }, loadDataDir: archive })
    await db.query('select 1') // the restored database opens and answers
    await db.close()
    return { previous }
  } catch (err) {
    // Put the folder back as it was.
    if (previous) {
      renameSync(dataDir, `${previous}.failed`)
      renameSync(previous, dataDir)
    }
    throw err
  } finally {
    await unlock()
  }
}
