// Run on every start, after migrations: fills in reference data, and outside production makes
// the first administrator so that a new user can sign in at once.
import { count } from 'drizzle-orm'
import type { Config } from '../config.ts'
import { hashPassword, oneTimePassword } from '../features/auth/index.ts'
import type { Db } from './client.ts'
import { insertReferenceData } from './reference-data.ts'
import { users } from './schema/index.ts'

export interface FirstAdmin {
  email: string
  password: string
}

/** Returns the first administrator's one-time password when it has just been made. */
export async function firstStart(db: Db, config: Config): Promise<FirstAdmin | undefined> {
  await insertReferenceData(db)
  if (config.NODE_ENV === 'production') return undefined
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(users)
  if (n > 0) return undefined
  const password = oneTimePassword()
  await db.insert(users).values({
    email: config.ADMIN_EMAIL,
    name: 'Administrator',
    passwordHash: await hashPassword(password),
    roles: ['administrator', 'coordinator', 'manager'],
    mustChangePassword: true,
  })
  return { email: config.ADMIN_EMAIL, password }
}
