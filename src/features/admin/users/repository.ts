// Staff accounts' queries. The password hash never leaves this file but to be written.
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.ts'
import { localAuthorities, sessions, userCouncils, users } from '../../../db/schema/index.ts'
import type { Role } from '../../../domain/staff.ts'

type Queryable = Db | Tx

export type StaffAccount = typeof users.$inferSelect
export type AccountSummary = Omit<StaffAccount, 'passwordHash'>

/** The columns an administrator sees: never the password hash. */
const accountColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  roles: users.roles,
  mustChangePassword: users.mustChangePassword,
  disabledAt: users.disabledAt,
  createdAt: users.createdAt,
}

export function listAccounts(db: Queryable): Promise<AccountSummary[]> {
  return db.select(accountColumns).from(users).orderBy(asc(users.name), asc(users.email))
}

export async function accountById(db: Queryable, id: string): Promise<AccountSummary | undefined> {
  const [row] = await db.select(accountColumns).from(users).where(eq(users.id, id))
  return row
}

export async function emailInUse(db: Queryable, email: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, email))
  return !!taken
}

/** The new account's id, or undefined when another request added the same email first. */
export async function insertAccount(
  db: Queryable,
  row: { name: string; email: string; roles: Role[]; passwordHash: string; createdAt: Date },
): Promise<string | undefined> {
  const [made] = await db
    .insert(users)
    .values({ ...row, mustChangePassword: true })
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id })
  return made?.id
}

/** The account's name and roles, locked until the transaction ends. */
export async function lockAccount(tx: Tx, id: string): Promise<{ name: string; roles: Role[] } | undefined> {
  const [row] = await tx
    .select({ name: users.name, roles: users.roles })
    .from(users)
    .where(eq(users.id, id))
    .for('update')
  return row
}

export async function updateRoles(db: Queryable, id: string, roles: Role[]) {
  await db.update(users).set({ roles }).where(eq(users.id, id))
}

/** Disabled from now, unless it was already (so the first time is kept). */
export async function markDisabled(db: Queryable, id: string, at: Date) {
  await db
    .update(users)
    .set({ disabledAt: at })
    .where(and(eq(users.id, id), sql`${users.disabledAt} is null`))
}

export async function markEnabled(db: Queryable, id: string) {
  await db.update(users).set({ disabledAt: null }).where(eq(users.id, id))
}

/** A new password that the person must change at their next sign-in. */
export async function setOneTimePassword(db: Queryable, id: string, passwordHash: string) {
  await db.update(users).set({ passwordHash, mustChangePassword: true }).where(eq(users.id, id))
}

/** Signs the person out everywhere (but in this session, when given). */
export async function endSessionsOf(db: Queryable, userId: string, exceptSid?: string) {
  await db
    .delete(sessions)
    .where(and(sql`${sessions.data}->>'userId' = ${userId}`, exceptSid ? ne(sessions.sid, exceptSid) : undefined))
}

/** The councils that commission the service, by name: the ones staff can work for. */
export function commissioningCouncils(db: Queryable) {
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.name))
}

/** The councils this member of staff works for, by name. */
export function councilsOfAccount(db: Queryable, userId: string) {
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(userCouncils)
    .innerJoin(localAuthorities, eq(localAuthorities.id, userCouncils.localAuthorityId))
    .where(eq(userCouncils.userId, userId))
    .orderBy(asc(localAuthorities.name))
}

/** Which of these are commissioning councils. */
export async function commissioningAmong(db: Queryable, ids: readonly string[]) {
  if (!ids.length) return []
  return db
    .select({ id: localAuthorities.id, name: localAuthorities.name })
    .from(localAuthorities)
    .where(and(inArray(localAuthorities.id, [...ids]), eq(localAuthorities.commissioned, true)))
}

/** The member of staff works for these councils, and no others. */
export async function setCouncilsOfAccount(tx: Tx, userId: string, councilIds: readonly string[]) {
  await tx.delete(userCouncils).where(eq(userCouncils.userId, userId))
  if (councilIds.length) {
    await tx.insert(userCouncils).values(councilIds.map((localAuthorityId) => ({ userId, localAuthorityId })))
  }
}
