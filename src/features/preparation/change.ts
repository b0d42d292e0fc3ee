// How every preparation change is made, in one transaction (or a savepoint of the caller's): lock
// the case, check the version the person saw (where a list is being rearranged), make the change,
// append its case events and bump the case's version. A refusal is thrown (RefusalError), undoing
// it all; the services answer it as a Result. A create runs once per form (`once`).
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { lockCase, updateCase, type CaseRecord } from './change-repository.ts'

export const staleMessage = 'Someone else changed this case while you were working on it. Check the case and try again.'

export interface ChangeOptions {
  actor: Actor & { userId: string }
  /** The case version the person saw: for changes to a list others may be changing too. */
  expectedVersion?: number
}

export interface ChangeEvent {
  type: string
  data: Record<string, unknown>
  occurredOn?: string
}

export type Work = (ctx: { tx: Tx; caseRow: CaseRecord }) => Promise<{
  events: ChangeEvent[]
  caseChanges?: Partial<Omit<CaseRecord, 'id' | 'version'>>
}>

export function createChanges({ db, clock }: { db: Db; clock: Clock }) {
  function change(q: Db | Tx, caseId: string, options: ChangeOptions, work: Work): Promise<{ ok: true }> {
    return q.transaction(async (tx) => {
      const caseRow = await lockCase(tx, caseId)
      if (!caseRow) throw new RefusalError('There is no such case.', undefined, 'not-found')
      if (options.expectedVersion !== undefined && options.expectedVersion !== caseRow.version)
        throw new RefusalError(staleMessage, undefined, 'stale')
      const { events, caseChanges } = await work({ tx, caseRow })
      if (!events.length && !caseChanges) return { ok: true } // nothing changed
      for (const event of events) {
        await appendEvent(tx, clock, { caseId, actor: options.actor, ...event })
      }
      await updateCase(tx, caseId, { ...caseChanges, version: caseRow.version + 1, updatedAt: clock.now() })
      return { ok: true } as const
    })
  }

  return {
    /** A change to the case. */
    change: (caseId: string, options: ChangeOptions, work: Work): Promise<Result> =>
      refusalsAsResults(() => change(db, caseId, options, work)),

    /** A change that adds something: once per form's one-time key (a repeat gets the first answer). */
    once: (caseId: string, submissionKey: string, options: ChangeOptions, work: Work): Promise<Result> =>
      refusalsAsResults(() => oncePerKey(db, clock, submissionKey, (tx) => change(tx, caseId, options, work))),
  }
}
