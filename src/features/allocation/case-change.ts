// A change to a case that is not a workflow step (an objection raised or decided), made the way
// every change is: the case locked, the version the person saw checked, the work and its event,
// a new version and the deadline index, in one transaction (or a savepoint of the caller's). A
// refusal is thrown, undoing it all: the service answers it as a Result (refusalsAsResults).
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { RefusalError } from '../../domain/result.ts'
import { appendEvent, refreshDeadlineIndex, type Actor } from '../cases/index.ts'
import { lockCase, setCaseVersion } from './repository.ts'

export const staleReason = 'Someone else changed this case while you were working on it. Check the case and try again.'

/**
 * Every refusal on the allocation pages means the case moved on since the page was shown (the
 * pages offer only what can be done then), so each is answered as stale: 409, the reason linked
 * to what the page says of the case now.
 */
export const caseMovedOn = (reason: string) => new RefusalError(reason, 'case-now', 'stale')

export async function changeCase(
  db: Db | Tx,
  clock: Clock,
  caseId: string,
  options: { actor: Actor; expectedVersion: number },
  work: (tx: Tx) => Promise<{ type: string; data: Record<string, unknown> }>,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const caseRow = await lockCase(tx, caseId)
    if (!caseRow) throw new RefusalError('There is no such case.', undefined, 'not-found')
    if (caseRow.version !== options.expectedVersion) throw caseMovedOn(staleReason)
    const event = await work(tx) // throws a refusal to undo whatever it did
    await appendEvent(tx, clock, { caseId, type: event.type, actor: options.actor, data: event.data })
    await setCaseVersion(tx, caseId, caseRow.version + 1, clock.now())
    await refreshDeadlineIndex(tx, clock, caseId)
    return { ok: true } as const
  })
}

/** A workflow service's answer, its refusal thrown (to undo the caller's transaction). */
export function throwUnlessDone(result: { ok: true } | { ok: false; code: string; reason: string }): { ok: true } {
  if (result.ok) return { ok: true }
  if (result.code === 'not-found') throw new RefusalError(result.reason, undefined, 'not-found')
  throw caseMovedOn(result.reason)
}
