// Staff sign-in's queries.
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { users } from '../../db/schema/index.ts'

export async function userByEmail(db: Db, email: string) {
  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      passwordHash: users.passwordHash,
      mustChangePassword: users.mustChangePassword,
      disabledAt: users.disabledAt,
      roles: users.roles,
    })
    .from(users)
    .where(eq(users.email, email))
  return user
}

/** A password the person chose: they need not change it at their next sign-in. */
export async function setOwnPassword(db: Db, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId))
}
