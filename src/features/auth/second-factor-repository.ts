// The second factor's queries: an account's authenticator app and its recovery codes.
import { and, count, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { staffRecoveryCodes, staffSecondFactors, users } from '../../db/schema/index.ts'

type Queryable = Db | Tx

/** The person signing in: who they are, whether they may, and their second factor if any. */
export async function accountWithFactor(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      disabledAt: users.disabledAt,
      factor: {
        id: staffSecondFactors.id,
        secret: staffSecondFactors.secret,
        confirmedAt: staffSecondFactors.confirmedAt,
      },
    })
    .from(users)
    .leftJoin(staffSecondFactors, eq(staffSecondFactors.userId, users.id))
    .where(eq(users.id, userId))
  if (!row) return undefined
  return { ...row, factor: row.factor?.id ? row.factor : null }
}

/** A factor being set up; a second request at the same moment keeps the first one's secret. */
export async function insertPendingFactor(tx: Tx, userId: string, secret: string, at: Date) {
  await tx.insert(staffSecondFactors).values({ userId, secret, createdAt: at }).onConflictDoNothing()
}

/**
 * Takes the code's time step if no code of this step or a later one was accepted before: one
 * statement, so two requests with the same code cannot both pass. Confirms a factor being set up.
 */
export async function takeStep(db: Queryable, factorId: string, step: number, at: Date): Promise<boolean> {
  const taken = await db
    .update(staffSecondFactors)
    .set({ lastUsedStep: step, confirmedAt: sql`coalesce(${staffSecondFactors.confirmedAt}, ${at})` })
    .where(
      and(
        eq(staffSecondFactors.id, factorId),
        or(isNull(staffSecondFactors.lastUsedStep), lt(staffSecondFactors.lastUsedStep, step)),
      ),
    )
    .returning({ id: staffSecondFactors.id })
  return taken.length === 1
}

export async function insertRecoveryCodes(tx: Tx, factorId: string, hashes: readonly string[]) {
  await tx.insert(staffRecoveryCodes).values(hashes.map((codeHash) => ({ factorId, codeHash })))
}

/** Uses up an unused recovery code of this factor; false when there is none such. */
export async function useRecoveryCode(db: Queryable, factorId: string, codeHash: string, at: Date) {
  const used = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(staffRecoveryCodes.factorId, factorId),
        eq(staffRecoveryCodes.codeHash, codeHash),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id })
  return used.length === 1
}

export async function unusedRecoveryCodes(db: Queryable, factorId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(staffRecoveryCodes)
    .where(and(eq(staffRecoveryCodes.factorId, factorId), isNull(staffRecoveryCodes.usedAt)))
  return row?.n ?? 0
}

/** When the account's second factor was set up, and how many recovery codes are left (for its admin page). */
export async function factorSummary(db: Queryable, userId: string) {
  const [row] = await db
    .select({
      confirmedAt: staffSecondFactors.confirmedAt,
      recoveryCodesLeft: sql<number>`(select count(*)::int from ${staffRecoveryCodes} rc where rc.factor_id = ${staffSecondFactors.id} and rc.used_at is null)`,
    })
    .from(staffSecondFactors)
    .where(eq(staffSecondFactors.userId, userId))
  return row
}

/** Removes the account's second factor (its recovery codes go with it); whether it had a confirmed one. */
export async function deleteFactorOf(tx: Tx, userId: string): Promise<{ confirmedAt: Date | null } | undefined> {
  const [gone] = await tx
    .delete(staffSecondFactors)
    .where(eq(staffSecondFactors.userId, userId))
    .returning({ confirmedAt: staffSecondFactors.confirmedAt })
  return gone
}
