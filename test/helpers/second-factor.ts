// Test staff sign in as real staff do: a password, then a code from an authenticator app. Every
// account createStaff makes has an app set up already, with this one secret; the helpers answer
// the second step with the code the app would show at the test app's clock (the real TOTP code,
// through the real page). The clock of a test stands still, so before answering, a helper forgets
// the code last used by that account (as if 30 seconds had passed): the app's code may be used once.
import { eq } from 'drizzle-orm'
import type { Config } from '../../src/config.ts'
import type { Database } from '../../src/db/client.ts'
import { staffSecondFactors, users } from '../../src/db/schema/index.ts'
import { sealSecret, totpCodeAt } from '../../src/features/auth/testing.ts'

/** The authenticator app's secret of every test account (base32, 160 bits). */
export const testTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'

/** Gives the account an authenticator app already set up with testTotpSecret, as the app would seal it. */
export async function giveSecondFactor(database: Database, userId: string, config: Config, at: Date) {
  const secret = sealSecret(config.SECOND_FACTOR_KEY ?? config.SESSION_SECRET, userId, testTotpSecret)
  await database.db.insert(staffSecondFactors).values({ userId, secret, createdAt: at, confirmedAt: at })
}

/** The code an app with this secret shows at this moment. */
export const appCode = (at: Date, secret = testTotpSecret) => totpCodeAt(secret, at)

/** As if the account's last code was long ago: its app's code at the frozen clock works again. */
export async function forgetLastCode(database: Database, email: string) {
  const [user] = await database.db.select({ id: users.id }).from(users).where(eq(users.email, email.toLowerCase()))
  if (user)
    await database.db
      .update(staffSecondFactors)
      .set({ lastUsedStep: null })
      .where(eq(staffSecondFactors.userId, user.id))
}

/** The setup key as the enrolment page shows it (in groups of four), as one base32 string. */
export const setupKeyOf = (shown: string) => shown.replace(/\s/g, '')
