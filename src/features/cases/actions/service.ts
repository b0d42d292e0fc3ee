// A workflow action taken from its form: where the case is (and why the step cannot be taken
// now, if it cannot), and the step itself through the workflow service.
import type { Clock } from '../../../clock.ts'
import type { Db, Tx } from '../../../db/client.ts'
import type { Result } from '../../../domain/result.ts'
import { refusalReason, stateFromEvents, statusLabels, type Action, type ActionType } from '../../../domain/workflow.ts'
import { queueIssuedCertificate, type CertificateCopy } from '../../messages/index.ts'
import { recordAccess } from '../access-log.ts'
import { eventsOf } from '../deadline-index.ts'
import { linksForRefusal } from '../step-links.ts'
import type { Actor } from '../events.ts'
import { createWorkflowService, workflowAnswer } from '../workflow-service.ts'

/** Where the case is for the form; with a viewer, the look is recorded in the access log. */
export async function actionPage(
  { db, clock }: { db: Db; clock: Clock },
  caseId: string,
  type: ActionType,
  viewer?: { userId: string; path: string },
) {
  if (viewer) await recordAccess(db, clock, { ...viewer, caseId })
  const state = stateFromEvents(await eventsOf(db, caseId))
  const refusal = refusalReason(state, type)
  return {
    statusText: statusLabels[state.status],
    /** Why it cannot be done now, if it cannot, and where to take the step that comes first. */
    refusal,
    refusalLinks: refusal ? linksForRefusal(caseId, state, type, refusal) : [],
    certificateDue: state.certificateDue,
  }
}

export async function takeStep(
  deps: { db: Db; clock: Clock },
  caseId: string,
  action: Action,
  options: { actor: Actor; occurredOn: string; expectedVersion: number },
): Promise<Result<{ certificateCopy?: CertificateCopy }>> {
  // A certificate issued here goes to the parent or young person at once, in the same transaction.
  let copy: CertificateCopy | undefined
  const sendCertificate =
    action.type === 'issue-certificate'
      ? {
          beforeEvent: async (tx: Tx) => {
            copy = await queueIssuedCertificate(tx, deps.clock, caseId, options.actor.userId)
          },
        }
      : {}
  const answer = workflowAnswer(
    await createWorkflowService(deps).apply(caseId, action, { ...options, ...sendCertificate }),
  )
  return answer.ok && copy ? { ok: true, certificateCopy: copy } : answer
}
