// A real app on a real database for each test file: PGlite in memory, or, when DATABASE_URL is
// set, a fresh PostgreSQL database made for the file and dropped after it.
import { randomBytes } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import pg from 'pg'
import { buildApp } from '../../src/app.ts'
import { fixedClock } from '../../src/clock.ts'
import { testConfig, type Config } from '../../src/config.ts'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { firstStart } from '../../src/db/first-start.ts'
import { runMigrations } from '../../src/db/migrate.ts'
import { users, type Role } from '../../src/db/schema/index.ts'
import { hashPassword } from '../../src/features/auth/passwords.ts'

export interface TestApp {
  app: FastifyInstance
  database: Database
  clock: ReturnType<typeof fixedClock>
  config: Config
  close(): Promise<void>
}

/** A database of its own for one test file. */
export async function openTestDatabase(): Promise<{ database: Database; drop(): Promise<void> }> {
  const url = process.env.DATABASE_URL
  if (!url) {
    const database = await openDatabase({ memory: true })
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

export async function createTestApp(options: { now?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  const { database, drop } = await openTestDatabase()
  const config = testConfig({ COOKIE_SECURE: false, ...options.config })
  await runMigrations(database)
  await firstStart(database.db, { ...config, NODE_ENV: 'production' })
  const clock = fixedClock(options.now ?? '2026-11-27T10:00:00Z')
  const app = await buildApp({ config, database, clock })
  await app.ready()
  return {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close()
      await drop()
    },
  }
}

export const testPassword = 'correct horse battery staple'

export async function createStaff(database: Database, email: string, roles: Role[], name = 'Test Person') {
  const [user] = await database.db
    .insert(users)
    .values({ email, name, roles, passwordHash: await hashPassword(testPassword) })
    .returning()
  return user!
}
