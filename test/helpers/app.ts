// A real app on a real database for each test file (see database.ts).
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import { buildApp } from '../../src/app.ts'
import { fixedClock } from '../../src/clock.ts'
import { testConfig, type Config } from '../../src/config.ts'
import type { Database } from '../../src/db/client.ts'
import { openTestDatabase } from './database.ts'
import { firstStart } from '../../src/db/first-start.ts'
import { localAuthorities, userCouncils, users, type Role } from '../../src/db/schema/index.ts'
import { hashPassword } from '../../src/features/auth/index.ts'
import { giveSecondFactor } from './second-factor.ts'

export interface TestApp {
  app: FastifyInstance
  database: Database
  clock: ReturnType<typeof fixedClock>
  config: Config
  close(): Promise<void>
}

/** Each test app by its app and by its database, for the helpers that sign staff in (agent.ts). */
const testApps = new WeakMap<object, TestApp>()

export const testAppOf = (appOrDatabase: FastifyInstance | Database) => testApps.get(appOrDatabase)

export async function createTestApp(
  options: { now?: string; config?: Partial<Config>; logger?: Logger } = {},
): Promise<TestApp> {
  // Migrated already (see database.ts).
  const { database, drop } = await openTestDatabase()
  const config = testConfig(options.config)
  await firstStart(database.db, { ...config, NODE_ENV: 'production' })
  const clock = fixedClock(options.now ?? '2026-11-27T10:00:00Z')
  const app = await buildApp({ config, database, clock }, options.logger)
  await app.ready()
  const t: TestApp = {
    app,
    database,
    clock,
    config,
    async close() {
      await app.close()
      await drop()
    },
  }
  testApps.set(app, t)
  testApps.set(database, t)
  return t
}

export const testPassword = 'correct horse battery staple'

/**
 * A staff account. A coordinator, manager or commissioner works for the councils given (their ids),
 * or when none are given for every commissioning council there is (the one a fresh install has).
 * It has an authenticator app set up (second-factor.ts), unless `secondFactor: false`: then the
 * person sets one up at their first sign-in, as a new member of staff does.
 */
export async function createStaff(
  database: Database,
  email: string,
  roles: Role[],
  name = 'Test Person',
  councils?: readonly string[],
  { secondFactor = true }: { secondFactor?: boolean } = {},
) {
  const [user] = await database.db
    .insert(users)
    .values({ email, name, roles, passwordHash: await hashPassword(testPassword) })
    .returning()
  const worksForCouncils = roles.some((r) => r === 'coordinator' || r === 'manager' || r === 'commissioner')
  const ids =
    councils ??
    (worksForCouncils
      ? (
          await database.db
            .select({ id: localAuthorities.id })
            .from(localAuthorities)
            .where(eq(localAuthorities.commissioned, true))
        ).map((c) => c.id)
      : [])
  if (ids.length) {
    await database.db
      .insert(userCouncils)
      .values(ids.map((localAuthorityId) => ({ userId: user!.id, localAuthorityId })))
  }
  if (secondFactor) {
    const t = testAppOf(database)
    await giveSecondFactor(database, user!.id, t?.config ?? testConfig(), t?.clock.now() ?? new Date())
  }
  return user!
}
