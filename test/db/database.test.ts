import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../src/db/client.ts'
import { DataFolderLockedError } from '../../src/db/lock.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { localAuthorities, agencies } from '../../src/db/schema/index.ts'
import { firstStart } from '../../src/db/first-start.ts'
import { testConfig } from '../../src/config.ts'
import { openTestDatabase } from '../helpers/database.ts'

describe('the configured database (PGlite, or PostgreSQL when DATABASE_URL is set)', async () => {
  const { database, drop } = await openTestDatabase()
  after(drop)

  test('migrations run, and running them again changes nothing', async () => {
    await runMigrations(database)
    await runMigrations(database)
    const tables = await database.db.execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    )
    const names = tables.rows.map((r) => r.table_name)
    for (const t of ['cases', 'case_events', 'case_parties', 'users', 'sessions', 'access_log', 'scope_decisions']) {
      assert.ok(names.includes(t), `missing table ${t}`)
    }
  })

  test('pg_trgm is there: a misspelt name is similar to the real one', async () => {
    const result = await database.db.execute<{ s: number }>(sql`select similarity('Hartley', 'Hartly') as s`)
    assert.ok(Number(result.rows[0]!.s) > 0.4)
  })

  test('reference data is added once: the commissioning council and the signposting agencies', async () => {
    const config = testConfig()
    await firstStart(database.db, { ...config, NODE_ENV: 'production' })
    await firstStart(database.db, { ...config, NODE_ENV: 'production' })
    const councils = await database.db.select().from(localAuthorities)
    assert.equal(councils.length, 1)
    assert.equal(councils[0]!.name, 'Warrington Borough Council')
    assert.equal(councils[0]!.freeForResidents, true)
    assert.equal(councils[0]!.openingHours, 'Monday to Friday, 9am to 6pm')
    assert.equal(councils[0]!.phone, '03330 062 835')
    assert.ok((await database.db.select().from(agencies)).length >= 5)
  })

  test('outside production the first start makes one administrator with a one-time password', async () => {
    const config = testConfig({ ADMIN_EMAIL: 'first@example.com' })
    const admin = await firstStart(database.db, { ...config, NODE_ENV: 'development' })
    assert.equal(admin?.email, 'first@example.com')
    assert.match(admin!.password, /^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/)
    assert.equal(await firstStart(database.db, { ...config, NODE_ENV: 'development' }), undefined)
  })
})

describe('the embedded data folder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-db-'))
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('a second opener is refused at once with a clear message, and may open once the first closes', async () => {
    const dataDir = join(dir, 'data')
    const first = await openDatabase({ dataDir })
    await assert.rejects(openDatabase({ dataDir }), (err: Error) => {
      assert.ok(err instanceof DataFolderLockedError)
      assert.match(err.message, /in use by another Parley process/)
      return true
    })
    await first.close()
    const second = await openDatabase({ dataDir })
    await second.close()
  })

  test('rows survive closing and reopening, and pg_trgm works again after reopening', async () => {
    const dataDir = join(dir, 'reopen')
    const a = await openDatabase({ dataDir })
    await runMigrations(a)
    await firstStart(a.db, { ...testConfig(), NODE_ENV: 'production' })
    await a.close()
    const b = await openDatabase({ dataDir })
    const rows = await b.db.select().from(localAuthorities)
    assert.equal(rows.length, 1)
    const s = await b.db.execute<{ s: number }>(
      sql`select similarity(name, 'Warington Borough Council') as s from local_authorities`,
    )
    assert.ok(Number(s.rows[0]!.s) > 0.5)
    await b.close()
  })
})
