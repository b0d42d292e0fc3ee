// The case workflow for both routes, as pure code. Every change is an event: `transition` checks
// an action against the case's current state and either refuses it, saying why in plain English,
// or returns the event to append to case_events and the state after it. `stateFromEvents` folds
// stored events back into the state with the same `evolve` the live path uses, so the status
// column is derived from the record, never the other way round.
//
// SEN mediation: enquiry -> scope decided -> the parent's or young person's choice (mediate, or
// decline and get a certificate) -> asking the other parties -> mediator allocated -> preparation
// -> meeting arranged -> meeting held -> agreement / partial agreement / no agreement ->
// certificate -> follow-up -> closed. Disagreement resolution: the same without the choice and the
// certificates, and it stops if any party is not willing. See /work/shared/domain/rules.md.
//
// This module is the front door; the parts are in workflow/: the vocabulary (case-state.ts,
// actions.ts, events.ts), one entry per action in the files for each stage (table.ts lists them),
// and the operations over that table (machine.ts).
export {
  CASE_STATUSES,
  CERTIFICATE_KINDS,
  OUTCOMES,
  ROUTES,
  SCOPES,
  WITHDRAWN_BY,
  certificateLabels,
  initialState,
  isCaseStatus,
  routeForScope,
  routeLabels,
  statusLabels,
  type CaseState,
  type CaseStatus,
  type CertificateKind,
  type Outcome,
  type Route,
  type Scope,
  type WithdrawnBy,
} from './workflow/case-state.ts'
export { ACTION_TYPES, type Action, type ActionType } from './workflow/actions.ts'
export {
  WORKFLOW_EVENT_TYPES,
  type StoredEvent,
  type TransitionResult,
  type WorkflowEvent,
  type WorkflowEventType,
} from './workflow/events.ts'
export { actionLabels } from './workflow/table.ts'
export {
  availableActions,
  evolve,
  partyActions,
  refusalReason,
  replay,
  stateFromEvents,
  transition,
} from './workflow/machine.ts'
export { changesADoneStep, stepsNow } from './workflow/next-steps.ts'
