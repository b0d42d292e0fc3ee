// What moves a case on from where it is now, told apart from what changes a step already taken
// (another mediator, a new date, a new scope decision) or stops the case. Staff read the first as
// "what to do next"; offering a done step again under its first name reads as if it were not done.
import type { ActionType } from './actions.ts'
import type { CaseState } from './case-state.ts'
import { availableActions } from './machine.ts'

/** Steps that are never the way on: they undo, stop or step round the usual path. */
const NEVER_NEXT: readonly ActionType[] = ['cancel-meeting', 'cannot-arrange', 'withdraw']
/** Asked of each party in turn, where the parties are listed, not as a step of the case. */
const PARTY_STEPS: readonly ActionType[] = ['invite-party', 'chase-party', 'record-willingness']

/** True when taking this step now would change one already taken. */
export function changesADoneStep(state: CaseState, type: ActionType): boolean {
  if (type === 'decide-scope') return state.scope !== undefined
  if (type === 'allocate-mediator') return state.mediator !== undefined
  if (type === 'arrange-meeting') return state.meetingDate !== undefined
  return false
}

/**
 * The steps open now, in two lists: `next` moves the case on (closing only when nothing else
 * does, or an ended case's closing or reopening), `other` changes what was done or stops the case. The party steps are in neither.
 */
export function stepsNow(state: CaseState): { next: ActionType[]; other: ActionType[] } {
  const open = availableActions(state).filter((type) => !PARTY_STEPS.includes(type))
  const isOther = (type: ActionType) => NEVER_NEXT.includes(type) || changesADoneStep(state, type)
  const forward = open.filter((type) => !isOther(type))
  // An ended case is closed or reopened, either may be next; a case under way closes only at its end.
  const underWay = forward.some((type) => type !== 'close' && type !== 'reopen')
  const next = underWay ? forward.filter((type) => type !== 'close') : forward
  return { next, other: open.filter((type) => !next.includes(type)) }
}
