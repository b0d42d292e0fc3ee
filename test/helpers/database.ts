// A real database for each test file, with every migration applied: PGlite in memory, or, when
// DATABASE_URL is set, a fresh PostgreSQL database made for the file and dropped after it. Both
// start from a migrated copy named by a hash of the migrations (a new migration makes a new one),
// so no test file runs the migrations again.
import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { runMigrations } from '../../src/db/migrate.ts'

const root = path.resolve(import.meta.dirname, '../..')
const migrationsDir = path.join(root, 'src/db/migrations')

let migrationsHash: Promise<string> | undefined

/** 16 hex digits that change whenever a migration (or its journal) does. */
function hashOfMigrations(): Promise<string> {
  migrationsHash ??= (async () => {
    const hash = createHash('sha256')
    for (const file of (await readdir(migrationsDir, { recursive: true })).sort()) {
      if (file.endsWith('.sql') || file.endsWith('.json'))
        hash.update(file).update(await readFile(path.join(migrationsDir, file)))
    }
    return hash.digest('hex').slice(0, 16)
  })()
  return migrationsHash
}

/**
 * What a test database does without, so that each test file has less to load: the template
 * databases (tests make no databases) and the write-ahead log before the last checkpoint (after
 * it, the log's one segment is cut to the pages in use; PostgreSQL finds the log's end at the
 * first empty page, and writes on past it). 44 MB to load became 12 MB, a third of a second less
 * CPU for every test file.
 */
async function slim(pglite: PGlite): Promise<void> {
  await pglite.exec(`update pg_database set datistemplate = false where datname in ('template0', 'template1')`)
  for (const name of ['template0', 'template1']) await pglite.exec(`drop database ${name}`)
  await pglite.exec('checkpoint')
  await pglite.query('select pg_switch_wal()')
  await pglite.exec('checkpoint')
  const { rows } = await pglite.query<{ segment: string; offset: number; dir: string }>(
    `select file_name as segment, file_offset as offset, current_setting('data_directory') || '/pg_wal' as dir
       from pg_walfile_name_offset(pg_current_wal_insert_lsn())`,
  )
  const { segment, offset, dir } = rows[0]!
  const fs = pglite.Module.FS
  for (const name of fs.readdir(dir)) {
    if (!/^[0-9A-F]{24}$/.test(name)) continue
    if (name === segment) fs.truncate(`${dir}/${name}`, (Math.ceil((offset + 1) / 8192) + 1) * 8192)
    else fs.unlink(`${dir}/${name}`)
  }
}

/**
 * An empty PGlite database with every migration applied, as a dump that each test file starts
 * from: making a PGlite database from nothing takes seconds, loading a dump well under one.
 */
async function migratedDump(): Promise<Blob> {
  const file = path.join(root, '.cache', `test-database-slim-${await hashOfMigrations()}.tar`)
  try {
    return new Blob([await readFile(file)])
  } catch {
    const fresh = await openDatabase({ memory: true })
    await runMigrations(fresh)
    await slim(fresh.pglite!)
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

const templatePrefix = 'parley_test_template_'

function withDatabase(url: string, name: string): string {
  const changed = new URL(url)
  changed.pathname = `/${name}`
  return changed.toString()
}

async function withAdmin<T>(url: string, work: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  try {
    return await work(admin)
  } finally {
    await admin.end()
  }
}

/**
 * The name of a migrated template database on the server, made by the first test file that needs
 * it. Test files start in parallel, so one makes it while the others wait on an advisory lock; it
 * is built under another name and renamed when complete, and nobody stays connected to it (a
 * database with connections cannot be copied).
 */
async function migratedTemplate(url: string): Promise<string> {
  const name = `${templatePrefix}${await hashOfMigrations()}`
  return withAdmin(url, async (admin) => {
    const exists = async () => (await admin.query('select 1 from pg_database where datname = $1', [name])).rowCount
    if (await exists()) return name
    await admin.query("select pg_advisory_lock(hashtext('parley test template'))")
    try {
      if (await exists()) return name
      const building = `${name}_building`
      await admin.query(`drop database if exists ${building} with (force)`)
      await admin.query(`create database ${building}`)
      const database = await openDatabase({ url: withDatabase(url, building) })
      try {
        await runMigrations(database)
      } finally {
        await database.close()
      }
      await admin.query(`alter database ${building} rename to ${name}`)
      // Templates of older migrations are of no more use (failing to drop one is harmless).
      const stale = await admin.query<{ datname: string }>(
        `select datname from pg_database where datname like '${templatePrefix}%' and datname <> $1`,
        [name],
      )
      for (const { datname } of stale.rows) await admin.query(`drop database if exists ${datname}`).catch(() => {})
      return name
    } finally {
      await admin.query("select pg_advisory_unlock(hashtext('parley test template'))")
    }
  })
}

/** A database of its own for one test file, every migration applied. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const database = await openDatabase({ memory: true, from: await migratedDump() })
    return { database, drop: () => database.close() }
  }
  const name = `parley_test_${process.pid}_${randomBytes(4).toString('hex')}`
  const copy = async () => {
    const template = await migratedTemplate(url)
    await withAdmin(url, (admin) => admin.query(`create database ${name} template ${template}`))
  }
  // A run on newer migrations may have just dropped this template as stale: make it again.
  await copy().catch((err: { code?: string }) => (err.code === '3D000' ? copy() : Promise.reject(err)))
  const database = await openDatabase({ url: withDatabase(url, name) })
  return {
    database,
    async drop() {
      await database.close()
      await withAdmin(url, (admin) => admin.query(`drop database if exists ${name} with (force)`))
    },
  }
}

/**
 * Makes the migrated copy that test files start from (the dump, or the template on PostgreSQL) if
 * it is not there yet: the test runner calls it once before starting the files, so that they do
 * not all wait on the first to make it.
 */
export async function prepareTestDatabases(): Promise<void> {
  const url = process.env.DATABASE_URL
  if (url) await migratedTemplate(url)
  else await migratedDump()
}
