// Recording a statutory date (a fact that starts or stops a clock without moving the case on)
// through the workflow service.
import type { Clock } from '../../../../clock.ts'
import type { Db } from '../../../../db/client.ts'
import type { Result } from '../../../../domain/result.ts'
import type { Actor } from '../../events.ts'
import { createWorkflowService, workflowAnswer, type FactEventType } from '../../workflow-service.ts'

export async function recordStatutoryDate(
  deps: { db: Db; clock: Clock },
  caseId: string,
  fact: FactEventType,
  options: { actor: Actor; occurredOn: string; expectedVersion: number },
): Promise<Result> {
  return workflowAnswer(await createWorkflowService(deps).recordFact(caseId, fact, {}, options))
}
