// Signing staff in, and each person choosing their own password.
import type { Db } from '../../db/client.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { homePathFor } from '../../domain/staff.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { setOwnPassword, userByEmail } from './repository.ts'

// Verifying against this when the email is unknown takes as long as a real check.
const decoyHash = hashPassword('not a real password')

export function createSignInService(db: Db) {
  return {
    /** The person with this email and password, unless their account is disabled. One answer for every failure. */
    async signIn(
      email: string,
      password: string,
    ): Promise<Result<{ userId: string; mustChangePassword: boolean; home: string }>> {
      const user = await userByEmail(db, email)
      const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), password)
      if (!user || !valid || user.disabledAt) return refuse('Enter a correct email address and password', 'email')
      return { ok: true, userId: user.id, mustChangePassword: user.mustChangePassword, home: homePathFor(user) }
    },

    async choosePassword(userId: string, password: string): Promise<void> {
      await setOwnPassword(db, userId, await hashPassword(password))
    },
  }
}
