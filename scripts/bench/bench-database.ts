// Where a data set lives, so it can be used again: on PostgreSQL a database of its own named for
// the size (parley_bench_100000) on the server DATABASE_URL names; on the embedded database a
// folder (.cache/bench/pglite-100000). A small table of the tool's own says what was built.
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { openDatabase, type Database } from '../../src/db/client.ts'

export interface Target {
  engine: 'pglite' | 'postgres'
  /** parley_bench_100000, or the folder. */
  name: string
  url?: string
  dataDir?: string
  /** The server's own database, to create and drop the bench database from. */
  adminUrl?: string
}

export function targetFor(cases: number, databaseUrl: string | undefined, root: string): Target {
  if (!databaseUrl) {
    const dataDir = join(root, '.cache', 'bench', `pglite-${cases}`)
    return { engine: 'pglite', name: dataDir, dataDir }
  }
  const url = new URL(databaseUrl)
  const name = `parley_bench_${cases}`
  url.pathname = `/${name}`
  return { engine: 'postgres', name, url: url.toString(), adminUrl: databaseUrl }
}

async function onServer<T>(target: Target, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: target.adminUrl })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Makes the database (or folder) if it is not there yet. */
export async function ensureTarget(target: Target) {
  if (target.engine === 'pglite') return void (await mkdir(target.dataDir!, { recursive: true }))
  await onServer(target, async (client) => {
    const found = await client.query('select 1 from pg_database where datname = $1', [target.name])
    if (!found.rowCount) await client.query(`create database ${target.name}`)
  })
}

/** Throws the data set away, to build it again from nothing. */
export async function dropTarget(target: Target) {
  if (target.engine === 'pglite') return void (await rm(target.dataDir!, { recursive: true, force: true }))
  await onServer(target, (client) => client.query(`drop database if exists ${target.name} with (force)`))
}

export function openTarget(target: Target): Promise<Database> {
  return openDatabase(target.engine === 'pglite' ? { dataDir: target.dataDir! } : { url: target.url! })
}

export interface Marker {
  cases: number
  generator: number
  seed: string
  builtOn: string
  buildSeconds: number
  counts: Record<string, number>
}

const markerTable = sql`create table if not exists bench_marker (
  cases integer not null, generator integer not null, seed text not null, built_on date not null,
  build_seconds numeric not null, counts jsonb not null, built_at timestamptz not null default now())`

export async function readMarker(database: Database): Promise<Marker | undefined> {
  await database.db.execute(markerTable)
  const result = await database.db.execute<{
    cases: number
    generator: number
    seed: string
    built_on: string | Date
    build_seconds: string
    counts: Record<string, number>
  }>(sql`select * from bench_marker order by built_at desc limit 1`)
  const row = result.rows[0]
  if (!row) return undefined
  const builtOn = typeof row.built_on === 'string' ? row.built_on : row.built_on.toISOString().slice(0, 10)
  return {
    cases: Number(row.cases),
    generator: Number(row.generator),
    seed: row.seed,
    builtOn,
    buildSeconds: Number(row.build_seconds),
    counts: row.counts,
  }
}

export async function writeMarker(database: Database, marker: Marker) {
  await database.db.execute(markerTable)
  await database.db.execute(sql`delete from bench_marker`)
  await database.db.execute(sql`insert into bench_marker (cases, generator, seed, built_on, build_seconds, counts)
    values (${marker.cases}, ${marker.generator}, ${marker.seed}, ${marker.builtOn}, ${marker.buildSeconds}, ${JSON.stringify(marker.counts)}::jsonb)`)
}

/**
 * The indexes that back no constraint (trigram, lookup and partial unique ones): a bulk load is
 * faster without them, and building each once at the end gives the same indexes the migrations made.
 */
export async function dropSecondaryIndexes(database: Database): Promise<string[]> {
  const result = await database.db.execute<{ indexname: string; indexdef: string }>(sql`
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = 'public' and i.tablename <> 'bench_marker'
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`)
  for (const row of result.rows) await database.db.execute(sql.raw(`drop index "${row.indexname}"`))
  return result.rows.map((r) => r.indexdef)
}

export async function createIndexes(database: Database, definitions: string[]) {
  for (const definition of definitions) await database.db.execute(sql.raw(definition))
}

/** The server's version, for the results. */
export async function databaseVersion(database: Database): Promise<string> {
  const result = await database.db.execute<{ version: string }>(sql`select version() as version`)
  return result.rows[0]?.version ?? 'unknown'
}
