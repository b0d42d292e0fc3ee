// Who looks after a case: cases.assigned_to, changed with a version check and an 'assigned' event
// in the same transaction, as every change to a case is.
import { eq } from 'drizzle-orm'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { cases, users } from '../../../db/schema/index.ts'
import { appendEvent } from '../events.ts'

export const staleMessage = 'Someone else changed this case while you were working on it. Check the case and try again.'

export type AssignResult = { ok: true } | { ok: false; code: 'not-found' | 'stale' }

/** The person takes the case: it becomes theirs, whoever had it before. */
export async function takeCase(
  db: Db,
  clock: Clock,
  input: { caseId: string; user: { id: string; name: string }; expectedVersion: number },
): Promise<AssignResult> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ version: cases.version, assignedTo: cases.assignedTo })
      .from(cases)
      .where(eq(cases.id, input.caseId))
      .for('update')
    if (!row) return { ok: false, code: 'not-found' }
    if (row.version !== input.expectedVersion) return { ok: false, code: 'stale' }
    const [previous] = row.assignedTo
      ? await tx.select({ name: users.name }).from(users).where(eq(users.id, row.assignedTo))
      : []
    await tx
      .update(cases)
      .set({ assignedTo: input.user.id, version: row.version + 1, updatedAt: clock.now() })
      .where(eq(cases.id, input.caseId))
    await appendEvent(tx, clock, {
      caseId: input.caseId,
      type: 'assigned',
      actor: { userId: input.user.id, label: input.user.name },
      data: {
        to: input.user.id,
        toName: input.user.name,
        ...(row.assignedTo ? { from: row.assignedTo, fromName: previous?.name ?? null } : {}),
      },
    })
    return { ok: true }
  })
}

/** The name of the person looking after the case, if anyone. */
export async function assigneeName(db: Db, userId: string | null): Promise<string | undefined> {
  if (!userId) return undefined
  const [row] = await db.select({ name: users.name }).from(users).where(eq(users.id, userId))
  return row?.name
}
