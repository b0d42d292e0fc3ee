// What the workflow writes to case_events, and what it reads back.
import type { CaseState } from './case-state.ts'

/** What transition returns for case_events: data is plain JSON (no undefined values). */
export interface WorkflowEvent {
  type: WorkflowEventType
  data: Record<string, unknown>
}

/** The names shared with clocks.ts are the same facts: mediation-requested, mediation-declined, cannot-arrange, meeting-scheduled, mediation-concluded, withdrawn, certificate-issued. */
export const WORKFLOW_EVENT_TYPES = [
  'scope-decided',
  'mediation-requested',
  'mediation-declined',
  'willingness-started',
  'party-invited',
  'party-chased',
  'willingness-recorded',
  'mediator-allocated',
  'preparation-started',
  'meeting-scheduled',
  'meeting-cancelled',
  'meeting-held',
  'mediation-concluded',
  'certificate-issued',
  'cannot-arrange',
  'follow-up-started',
  'closed',
  'withdrawn',
  'reopened',
] as const
export type WorkflowEventType = (typeof WORKFLOW_EVENT_TYPES)[number]

/** A stored event: case_events rows fit (other columns are ignored, and so are events of other types). */
export interface StoredEvent {
  type: string
  data?: Record<string, unknown> | null
}

export type TransitionResult = { ok: true; state: CaseState; event: WorkflowEvent } | { ok: false; reason: string }
