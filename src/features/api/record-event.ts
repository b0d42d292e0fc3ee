// An API event becomes a workflow change: facts through recordFact, the rest through apply with
// the matching action. Every change is checked by the workflow, which says why it refuses one.
import type { Actor } from '../cases/events.ts'
import type { WorkflowResult, WorkflowService } from '../cases/workflow-service.ts'
import type { RecordEvent } from './schemas.ts'

export async function recordApiEvent(workflow: WorkflowService, caseId: string, event: RecordEvent, actor: Actor): Promise<WorkflowResult> {
  const options = { actor, occurredOn: event.date }
  switch (event.type) {
    case 'decision-letter-sent':
    case 'adviser-contacted':
    case 'health-body-notified':
    case 'meeting-notice-sent':
      return workflow.recordFact(caseId, event.type, { ...event.data }, options)
    case 'mediation-declined':
      return workflow.apply(caseId, { type: 'decline-mediation' }, options)
    case 'mediation-requested':
      return workflow.apply(caseId, { type: 'choose-mediation', healthInIssue: event.data.healthInIssue, healthOnly: event.data.healthOnly }, options)
    case 'cannot-arrange':
      return workflow.apply(caseId, { type: 'cannot-arrange', reason: event.data?.reason }, options)
    case 'meeting-scheduled':
      return workflow.apply(caseId, { type: 'arrange-meeting', ...event.data }, options)
    case 'mediation-concluded': {
      // Integrators report the outcome; the meeting it ended is recorded as held on the same day first.
      const { state } = await workflow.snapshot(caseId)
      if (state.status === 'meeting-arranged') {
        const held = await workflow.apply(caseId, { type: 'hold-meeting' }, options)
        if (!held.ok) return held
      }
      return workflow.apply(caseId, { type: 'conclude', outcome: event.data.outcome }, options)
    }
    case 'withdrawn':
      return workflow.apply(caseId, { type: 'withdraw', by: event.data.by, reason: event.data.reason }, options)
    case 'certificate-issued':
      return workflow.apply(caseId, { type: 'issue-certificate', kind: event.data.kind }, options)
  }
}
