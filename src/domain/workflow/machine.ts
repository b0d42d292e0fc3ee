// The public operations over the table of actions: checking an action and making its event, the
// actions to offer, and folding stored events back into the state with the same `evolve`.
import type { PartyKind } from '../willingness.ts'
import { ACTION_TYPES, type Action, type ActionType } from './actions.ts'
import { ENDED_STATUSES, oneOf, type EndedStatus } from './action-rule.ts'
import { initialState, type CaseState } from './case-state.ts'
import type { StoredEvent, TransitionResult } from './events.ts'
import { ruleFor, ruleForEvent } from './table.ts'

/** Why every action not open in an ended status (see ActionRule.openWhenEnded) is refused there. */
const ENDED_REFUSALS: Record<EndedStatus, string> = {
  closed: 'The case is closed: reopen it, with a reason, first.',
  withdrawn: 'The case was withdrawn: reopen it, with a reason, first.',
  'could-not-proceed':
    'Disagreement resolution could not go ahead because not every party is willing to take part: reopen the case, with a reason, if that changes, or close it.',
}

const ANONYMISED_REFUSAL =
  "The case's personal details were removed (it was kept for its set time, or erased at someone's request): it cannot be changed or reopened. Open a new case if the family asks for help again."

/** Why an action of this type is refused in this state, whatever its details; undefined if it may be possible. */
export function refusalReason(state: CaseState, type: ActionType): string | undefined {
  // Callers in plain JavaScript may pass any text: it has no entry, and is refused only where everything is.
  const rule = oneOf(ACTION_TYPES, type) ? ruleFor(type) : undefined
  const { status } = state
  if (state.anonymised) return ANONYMISED_REFUSAL
  if (oneOf(ENDED_STATUSES, status) && !rule?.openWhenEnded?.includes(status)) return ENDED_REFUSALS[status]
  return rule?.refusal(state)
}

/**
 * The state after one event. Total: an event of another type, or one whose data does not make
 * sense for the state, leaves the state as it was. It does not check the rules: stored events are
 * the record, even if the rules have changed since they were written.
 */
export function evolve(state: CaseState, event: StoredEvent): CaseState {
  // Not an action of the workflow: the retention schedule or an erasure request removed its details.
  if (event.type === 'anonymised') return { ...state, anonymised: true }
  const rule = ruleForEvent(event.type)
  return rule ? rule.evolve(state, event.data ?? {}) : state
}

/**
 * Checks the action against the state. Refused: the reason, in plain English. Allowed: the event
 * to append to case_events and the state after it.
 */
export function transition(state: CaseState, action: Action): TransitionResult {
  if (!oneOf(ACTION_TYPES, action.type))
    return { ok: false, reason: 'That is not something that can be done to a case.' }
  const rule = ruleFor(action.type)
  const reason = refusalReason(state, action.type) ?? rule.detailsRefusal?.(state, action)
  if (reason !== undefined) return { ok: false, reason }
  const event = { type: rule.event, data: rule.data(state, action) }
  return { ok: true, state: evolve(state, event), event }
}

/** The actions to offer as buttons: those not refused outright in this state (details are checked on submit). */
export function availableActions(state: CaseState): ActionType[] {
  return ACTION_TYPES.filter((type) => refusalReason(state, type) === undefined)
}

/** Folds stored events, oldest first, into the current state. Events of other types are skipped. */
export function stateFromEvents(events: Iterable<StoredEvent>, from: CaseState = initialState): CaseState {
  let state = from
  for (const event of events) state = evolve(state, event)
  return state
}

/** Another name for stateFromEvents. */
export const replay = stateFromEvents

/** For a party row on the case page: which willingness actions make sense for that party now. */
export function partyActions(
  state: CaseState,
  party: PartyKind,
): ('invite-party' | 'chase-party' | 'record-willingness')[] {
  if (refusalReason(state, 'invite-party') !== undefined) return []
  const willingness = state.parties[party]
  if (!willingness) return ['invite-party']
  return willingness.answered ? ['record-willingness'] : ['chase-party', 'record-willingness']
}
