// Staff sign-in's queries.
import { eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
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

/** Who an account is, for its second step (the lock is counted by its email). */
export async function userById(db: Db, userId: string) {
  const [user] = await db
    .select({ id: users.id, name: users.name, email: users.email, disabledAt: users.disabledAt })
    .from(users)
    .where(eq(users.id, userId))
  return user
}

export async function passwordHashOf(db: Db, userId: string): Promise<string | undefined> {
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, userId))
  return user?.passwordHash
}

/** A password the person chose: they need not change it at their next sign-in. */
export async function setOwnPassword(db: Db | Tx, userId: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, mustChangePassword: false }).where(eq(users.id, userId))
}
