// Run on every start, after migrations: fills in reference data, and outside production makes
// the first administrator so that a new user can sign in at once.
import { count } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Config } from '../config.ts'
import { hashPassword, oneTimePassword } from '../features/auth/passwords.ts'
import type { Db } from './client.ts'
import { insertReferenceData } from './reference-data.ts'
import { users } from './schema/index.ts'

export async function firstStart(db: Db, config: Config, log: Pick<Logger, 'info'>): Promise<void> {
  await insertReferenceData(db)
  if (config.NODE_ENV === 'production') return
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users)
  if (n > 0) return
  const password = oneTimePassword()
  await db.insert(users).values({
    email: config.ADMIN_EMAIL,
    name: 'Administrator',
    passwordHash: await hashPassword(password),
    roles: ['administrator', 'coordinator', 'manager'],
    mustChangePassword: true,
  })
  log.info(`First start: sign in as ${config.ADMIN_EMAIL} with the one-time password ${password} (you will be asked to choose a new one).`)
}
