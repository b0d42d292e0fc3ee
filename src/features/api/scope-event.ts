// A scope decision sent by a council's system: the same decision staff make on the scope page
// (with the reasons, the appeal's subject, and where an out-of-scope enquiry is signposted), made
// only while the case is still being triaged, as the workflow allows.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { refuse } from '../../domain/result.ts'
import { refusalReason } from '../../domain/workflow.ts'
import { decideScope, type Actor, type WorkflowService } from '../cases/index.ts'
import type { RecordEvent } from './schemas.ts'
import type { ApiRefused } from './http.ts'

type ScopeEvent = Extract<RecordEvent, { type: 'scope-decided' }>

export async function decideScopeFromApi(
  deps: { db: Db; clock: Clock; workflow: WorkflowService },
  caseId: string,
  event: ScopeEvent,
  actor: Actor,
): Promise<{ ok: true; status: string; warnings: string[] } | ApiRefused> {
  const { state } = await deps.workflow.snapshot(caseId)
  const refusal = refusalReason(state, 'decide-scope')
  if (refusal) return refuse(refusal)
  const decided = await decideScope(deps.db, deps.clock, {
    caseId,
    scope: event.data.scope,
    reason: event.data.reason,
    appealSubject: event.data.appealSubject,
    agencyCode: event.data.scope === 'out-of-scope' ? event.data.signpostTo : undefined,
    actor,
    occurredOn: event.date,
  })
  if (!decided.ok) {
    if (decided.field === 'agency')
      return refuse(
        'There is no agency with this code: use one of the agencies the service signposts to',
        'data.signpostTo',
      )
    return decided
  }
  const after = await deps.workflow.snapshot(caseId)
  return { ok: true, status: after.state.status, warnings: [] }
}
