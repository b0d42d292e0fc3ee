// A real database for each test file: PGlite in memory, or, when DATABASE_URL is set, a fresh
// PostgreSQL database made for the file and dropped after it.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'

const root = path.resolve(import.meta.dirname, '../..')
const migrationsDir = path.join(root, 'src/db/migrations')

/**
 * An empty PGlite database with every migration applied, as a dump that each test file starts
 * from: making a PGlite database from nothing takes seconds, loading a dump well under one. The
 * dump is named by a hash of the migrations, so a new migration makes a new one.
 */
async function migratedTemplate(): Promise<Blob> {
  const hash = createHash('sha256')
  for (const file of (await readdir(migrationsDir, { recursive: true })).sort()) {
    if (file.endsWith('.sql') || file.endsWith('.json'))
      hash.update(file).update(await readFile(path.join(migrationsDir, file)))
  }
  const file = path.join(root, '.cache', `test-database-${hash.digest('hex').slice(0, 16)}.tar`)
  try {
    return new Blob([await readFile(file)])
  } catch {
    const fresh = await openDatabase({ memory: true })
    await runMigrations(fresh)
    const dump = await fresh.pglite!.dumpDataDir('none')
    await fresh.close()
    // Written whole, then renamed: a test file starting at the same moment never reads half a dump.
    await mkdir(path.dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.tmp`
    await writeFile(partial, Buffer.from(await dump.arrayBuffer()))
    await rename(partial, file)
    return dump
  }
}

/** A database of its own for one test file. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const database = await openDatabase({ memory: true, from: await migratedTemplate() })
    return { database, drop: () => database.close() }
  }
  const name = `parley_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const testUrl = new URL(url)
  testUrl.pathname = `/${name}`
  const database = await openDatabase({ url: testUrl.toString() })
  return {
    database,
    async drop() {
      await database.close()
      const again = new pg.Client({ connectionString: url })
      await again.connect()
      await again.query(`drop database if exists ${name} with (force)`)
      await again.end()
    },
  }
}
