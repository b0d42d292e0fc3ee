// An update given to one person, by any channel: who can be updated, and recording it (which
// restarts their update clock) through the workflow service.
import type { Clock } from '../../../../clock.ts'
import type { Db } from '../../../../db/client.ts'
import type { Result } from '../../../../domain/result.ts'
import type { Actor } from '../../events.ts'
import { labelOf, partyRoles } from '../../labels.ts'
import { partiesOf } from '../../repository.ts'
import { createWorkflowService, workflowAnswer } from '../../workflow-service.ts'

/** The people in the case, as the form names them. */
export async function whoCanBeUpdated(db: Db, caseId: string): Promise<{ id: string; text: string }[]> {
  const parties = await partiesOf(db, caseId)
  return parties.map((p) => ({
    id: p.id,
    text: `${p.name || p.organisation || 'Not named'} (${labelOf(partyRoles, p.role)})`,
  }))
}

export async function recordPartyUpdate(
  deps: { db: Db; clock: Clock },
  caseId: string,
  update: { partyId: string; channel: string; note: string },
  options: { actor: Actor; occurredOn: string; expectedVersion: number },
): Promise<Result> {
  return workflowAnswer(await createWorkflowService(deps).recordUpdate(caseId, update, options))
}
