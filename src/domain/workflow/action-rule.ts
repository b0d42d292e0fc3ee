// The shape of one action's rules, and what the entries share: groups of statuses, the common
// refusals and small helpers for building event data and reading it back.
import type { Action, ActionType } from './actions.ts'
import { statusLabels, type CaseState, type CaseStatus, type CertificateKind } from './case-state.ts'
import type { WorkflowEventType } from './events.ts'

export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>

/** Statuses where only a few actions are considered at all; the others are refused with one reason. */
export const ENDED_STATUSES = ['closed', 'withdrawn', 'could-not-proceed'] as const
export type EndedStatus = (typeof ENDED_STATUSES)[number]

/**
 * One action: everything about it in one place, so that adding an action is adding one entry.
 * The action is checked in order: the ended statuses, `refusal`, then `detailsRefusal`.
 */
// A is the action's own shape; only the methods read it, so an entry fits where any entry is expected.
export interface ActionRule<T extends ActionType, A extends Action = ActionOf<T>> {
  /** Button text for staff screens. */
  label: string
  /** The ended statuses in which this action is still open to its own checks (otherwise refused). */
  openWhenEnded?: readonly EndedStatus[]
  /** Why it is refused in this state, whatever its details; undefined if it may be possible. */
  refusal(state: CaseState): string | undefined
  /** Why these details are refused. Details may come straight from a form, so their types are not trusted. */
  detailsRefusal?(state: CaseState, action: A): string | undefined
  /** The type of the event it makes. */
  event: WorkflowEventType
  /** The event's data (plain JSON: use `defined`), from the state before the action. */
  data(state: CaseState, action: A): Record<string, unknown>
  /**
   * How that event changes the state, for the live path and for replaying stored events alike. Total:
   * data that does not make sense for the state leaves the state as it was. It does not check the
   * rules: stored events are the record, even if the rules have changed since they were written.
   */
  evolve(state: CaseState, data: Record<string, unknown>): CaseState
}

// --- Where actions may happen ---

/** Where the other parties can be asked, chased and answer: from the start of the willingness test until the meeting. */
export const WILLINGNESS_WINDOW: readonly CaseStatus[] = [
  'willingness',
  'mediator-allocated',
  'preparation',
  'meeting-arranged',
]
export const TRIAGE_STATUSES: readonly CaseStatus[] = ['enquiry', 'scope-decided', 'signposted']
export const OUTCOME_STATUSES: readonly CaseStatus[] = ['agreement', 'partial-agreement', 'no-agreement']

export const isSen = (state: CaseState) => state.route === 'sen-mediation'
export const isDr = (state: CaseState) => state.route === 'disagreement-resolution'
export const at = (state: CaseState) => `the case is at "${statusLabels[state.status]}"`

export const chooseFirst = "Record the parent's or young person's choice first: to mediate, or to decline mediation."
export const decideScopeFirst = 'Decide the scope first.'

// --- Checking details ---

export const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === ''
export const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value)

// --- Building event data ---

/** Copies only defined values, so the data survives a round trip through JSON unchanged. */
export function defined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}

/** Optional free text: trimmed, and left out when blank or not text (actions may come straight from a form). */
export const trimmed = (text: unknown) => (typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined)

// --- Applying events ---

export const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

export function withoutKeys(state: CaseState, ...keys: (keyof CaseState)[]): CaseState {
  const copy = { ...state }
  for (const key of keys) delete copy[key]
  return copy
}

/** SEN mediation only, only one certificate per case, and none for an appeal only about the placement named. */
export function dueCertificate(state: CaseState, kind: CertificateKind): CaseState {
  if (!isSen(state) || state.certificateIssued !== undefined || state.placementOnly) return state
  return { ...state, certificateDue: kind }
}
