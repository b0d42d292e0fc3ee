// What every change to the agreement shares: the draft locked (made when there is none) and
// checked that it may change, and workflow changes that carry our own writes inside them, so the
// case's state, events, deadlines and these rows change together or not at all.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { RefusalError, refusalsAsResults, refuse, type Result } from '../../domain/result.ts'
import type { Action, CaseState } from '../../domain/workflow.ts'
import { type Actor, createWorkflowService } from '../cases/index.ts'
import { insertDraft, lockAgreementOfCase, lockCase } from './draft-repository.ts'
import { liveMeeting, type AgreementRow } from './repository.ts'

export const staleMessage = 'Someone else changed this agreement while you were working on it. Check it and try again.'
export const finalMessage = 'The agreement is final: it can no longer be changed.'

export interface AgreementDeps {
  db: Db
  clock: Clock
}

/** Locks the case and its agreement, making the draft when there is none. */
export async function lockDraft(tx: Tx, clock: Clock, caseId: string) {
  const caseRow = await lockCase(tx, caseId)
  if (!caseRow) throw new RefusalError('There is no such case.', undefined, 'not-found')
  const agreement =
    (await lockAgreementOfCase(tx, caseId)) ??
    (await insertDraft(tx, { caseId, meetingId: (await liveMeeting(tx, caseId))?.id, now: clock.now() }))
  return { caseStatus: caseRow.status, agreement }
}

/** Locks the case's agreement (making the draft if there is none) and checks it can change. */
export async function draftFor(tx: Tx, clock: Clock, caseId: string, expectedVersion?: number): Promise<AgreementRow> {
  const { caseStatus, agreement } = await lockDraft(tx, clock, caseId)
  if (caseStatus === 'closed') throw new RefusalError('The case is closed: reopen it before changing the agreement.')
  if (agreement.status === 'final') throw new RefusalError(finalMessage)
  if (expectedVersion !== undefined && expectedVersion !== agreement.version)
    throw new RefusalError(staleMessage, undefined, 'stale')
  return agreement
}

/** A change in one transaction; a RefusalError thrown undoes it and is the answer. */
export const inTransaction = <T>(db: Db, work: (tx: Tx) => Promise<Result<T>>) =>
  refusalsAsResults(() => db.transaction(work))

/** A workflow change with our own writes inside it; actions chosen from the case's state. */
export async function withWorkflow(
  { db, clock }: AgreementDeps,
  caseId: string,
  actor: Actor,
  actions: (state: CaseState) => Action[],
  work: (tx: Tx, state: CaseState) => Promise<void>,
  occurredOn?: string,
  /** Events `work` appends, checked for their order with the rest (domain/event-order.ts). */
  alsoRecorded?: { type: string; data?: Record<string, unknown> }[],
): Promise<Result<{ state: CaseState }>> {
  return refusalsAsResults(async () => {
    const result = await createWorkflowService({ db, clock }).apply(caseId, actions, {
      actor,
      occurredOn,
      beforeEvent: (tx, { state }) => work(tx, state),
      ...(alsoRecorded ? { alsoRecorded } : {}),
    })
    if (!result.ok) return refuse(result.reason, undefined, result.code === 'not-found' ? 'not-found' : 'refused')
    return { ok: true, state: result.state }
  })
}
