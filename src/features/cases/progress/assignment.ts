// Who looks after a case: cases.assigned_to, changed with a version check and an 'assigned' event
// in the same transaction, as every change to a case is.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { refuse, type Result } from '../../../domain/result.ts'
import { appendEvent } from '../events.ts'
import { staleMessage } from '../labels.ts'
import { lockCase, staffName, updateCase } from '../repository.ts'

/** The person takes the case: it becomes theirs, whoever had it before. */
export async function takeCase(
  db: Db,
  clock: Clock,
  input: { caseId: string; user: { id: string; name: string }; expectedVersion: number },
): Promise<Result> {
  return db.transaction(async (tx) => {
    const row = await lockCase(tx, input.caseId)
    if (!row) return refuse('There is no such case.', undefined, 'not-found')
    if (row.version !== input.expectedVersion) return refuse(staleMessage, undefined, 'stale')
    const previousName = await staffName(tx, row.assignedTo)
    await updateCase(tx, input.caseId, { assignedTo: input.user.id, version: row.version + 1, updatedAt: clock.now() })
    await appendEvent(tx, clock, {
      caseId: input.caseId,
      type: 'assigned',
      actor: { userId: input.user.id, label: input.user.name },
      data: {
        to: input.user.id,
        toName: input.user.name,
        ...(row.assignedTo ? { from: row.assignedTo, fromName: previousName ?? null } : {}),
      },
    })
    return { ok: true }
  })
}
