// An API event becomes a workflow change: facts through recordFact, the rest through apply with
// the matching action. Every change is checked by the workflow, which says why it refuses one.
import type { Actor, WorkflowResult, WorkflowService } from '../cases/index.ts'
import type { RecordEvent } from './schemas.ts'

export async function recordApiEvent(
  workflow: WorkflowService,
  caseId: string,
  event: RecordEvent,
  actor: Actor,
): Promise<WorkflowResult> {
  // What happened outside Parley: the service's own steps before a meeting (the mediator's contact
  // with every party) are not for a council's system to record; the workflow still checks the rest.
  const options = { actor, occurredOn: event.date, recordedElsewhere: true }
  switch (event.type) {
    case 'scope-decided':
      throw new Error('a scope decision is made by decideScopeFromApi (scope-event.ts)')
    case 'decision-letter-sent':
    case 'adviser-contacted':
    case 'health-body-notified':
    case 'meeting-notice-sent':
    case 'council-told-of-agreement':
      return workflow.recordFact(caseId, event.type, { ...event.data }, options)
    case 'party-invited': {
      const invite = { type: 'invite-party', party: event.data.party, on: event.date, how: event.data.how } as const
      // In disagreement resolution the first invitation starts asking the parties.
      return workflow.apply(
        caseId,
        (state) =>
          state.status === 'scope-decided' && state.route === 'disagreement-resolution'
            ? [{ type: 'start-willingness' }, invite]
            : [invite],
        options,
      )
    }
    case 'willingness-recorded':
      return workflow.apply(
        caseId,
        {
          type: 'record-willingness',
          party: event.data.party,
          on: event.date,
          answer: event.data.answer,
          reason: event.data.reason,
        },
        options,
      )
    case 'mediator-allocated': {
      const allocate = { type: 'allocate-mediator', mediator: event.data.mediator } as const
      // Allocated from the willingness test, the mediator starts preparing with each party.
      return workflow.apply(
        caseId,
        (state) => (state.status === 'willingness' ? [allocate, { type: 'start-preparation' }] : [allocate]),
        options,
      )
    }
    case 'mediation-declined':
      return workflow.apply(caseId, { type: 'decline-mediation' }, options)
    case 'mediation-requested':
      return workflow.apply(
        caseId,
        { type: 'choose-mediation', healthInIssue: event.data.healthInIssue, healthOnly: event.data.healthOnly },
        options,
      )
    case 'cannot-arrange':
      return workflow.apply(caseId, { type: 'cannot-arrange', reason: event.data?.reason }, options)
    case 'meeting-scheduled':
      return workflow.apply(caseId, { type: 'arrange-meeting', ...event.data }, options)
    case 'mediation-concluded': {
      // Integrators report the outcome; the meeting it ended is recorded as held the same day.
      const conclude = { type: 'conclude', outcome: event.data.outcome } as const
      return workflow.apply(
        caseId,
        (state) => (state.status === 'meeting-arranged' ? [{ type: 'hold-meeting' }, conclude] : [conclude]),
        options,
      )
    }
    case 'withdrawn':
      return workflow.apply(caseId, { type: 'withdraw', by: event.data.by, reason: event.data.reason }, options)
    case 'certificate-issued':
      return workflow.apply(caseId, { type: 'issue-certificate', kind: event.data.kind }, options)
  }
}
