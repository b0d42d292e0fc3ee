// Between the willingness test and the meeting: a mediator is allocated (or changed), then
// prepares with each party.
import {
  WILLINGNESS_WINDOW,
  at,
  chooseFirst,
  decideScopeFirst,
  defined,
  isBlank,
  isSen,
  str,
  trimmed,
  type ActionRule,
} from './action-rule.ts'

export const allocateMediator: ActionRule<'allocate-mediator'> = {
  label: 'Allocate a mediator',
  refusal(state) {
    const { status } = state
    if (WILLINGNESS_WINDOW.includes(status)) return undefined
    if (status === 'scope-decided') return isSen(state) ? chooseFirst : 'Start asking the other parties first.'
    if (status === 'enquiry') return decideScopeFirst
    return `A mediator can only be allocated or changed before the meeting is held: ${at(state)}.`
  },
  detailsRefusal(state, action) {
    if (isBlank(action.mediator)) return 'Say which mediator is allocated.'
    if (action.mediator === state.mediator) return `${action.mediator} is already the mediator.`
    return undefined
  },
  event: 'mediator-allocated',
  data: (state, action) =>
    defined({ mediator: action.mediator.trim(), mediatorId: trimmed(action.mediatorId), replaces: state.mediator }),
  evolve(state, data) {
    const mediator = str(data.mediator)
    if (mediator === undefined) return state
    return { ...state, mediator, status: state.status === 'willingness' ? 'mediator-allocated' : state.status }
  },
}

export const startPreparation: ActionRule<'start-preparation'> = {
  label: 'Start preparation',
  refusal(state) {
    const { status } = state
    if (status === 'mediator-allocated') return undefined
    if (status === 'willingness') return 'Allocate a mediator first: the mediator prepares with each party.'
    if (status === 'preparation') return 'Preparation has already started.'
    return `Preparation starts once a mediator is allocated: ${at(state)}.`
  },
  event: 'preparation-started',
  data: () => ({}),
  evolve: (state) => ({ ...state, status: 'preparation' }),
}
