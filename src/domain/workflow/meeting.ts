// The meeting: arranged (or rearranged), perhaps cancelled, held, and its outcome recorded.
import { isValidIsoDate } from '../dates.ts'
import { invitedParties, listParties, mustTakePartInSenMediation, partiesNotYetWilling } from '../willingness.ts'
import {
  at,
  defined,
  dueCertificate,
  isBlank,
  isDr,
  isSen,
  oneOf,
  trimmed,
  withoutKeys,
  type ActionRule,
} from './action-rule.ts'
import { OUTCOMES, type CaseState, type CaseStatus, type Outcome } from './case-state.ts'

/** Disagreement resolution needs every party willing; SEN mediation needs the council or health body there. */
function meetingGate(state: CaseState, verb: 'arranged' | 'held' = 'arranged'): string | undefined {
  const invited = invitedParties(state.parties)
  if (isDr(state)) {
    if (invited.length === 0) {
      return `The meeting cannot be ${verb} until every party has said they are willing to take part: no other party has been asked yet.`
    }
    const waiting = partiesNotYetWilling(state.parties)
    if (waiting.length > 0) {
      return `The meeting cannot be ${verb} until every party has said they are willing to take part (still waiting for: ${listParties(waiting)}).`
    }
    return undefined
  }
  if (!invited.some(mustTakePartInSenMediation)) {
    return `The meeting cannot be ${verb} until the council (or, for mediation only about health, the health body) has been asked to take part: record the invitation first.`
  }
  return undefined
}

export const arrangeMeeting: ActionRule<'arrange-meeting'> = {
  label: 'Arrange the meeting',
  refusal(state) {
    const { status } = state
    if (status === 'preparation' || status === 'meeting-arranged') return meetingGate(state)
    if (status === 'mediator-allocated')
      return 'Start preparation first: the mediator contacts every party before the meeting.'
    if (status === 'willingness') return 'Allocate a mediator first.'
    return `A meeting can only be arranged before it is held: ${at(state)}.`
  },
  detailsRefusal(_state, action) {
    if (!isValidIsoDate(action.meetingDate)) return 'Give the meeting date as a real date (YYYY-MM-DD).'
    return undefined
  },
  event: 'meeting-scheduled',
  data: (state, action) =>
    defined({
      meetingDate: action.meetingDate,
      shorterNoticeAgreed: action.shorterNoticeAgreed === true,
      venue: trimmed(action.venue),
      route: state.route,
      rescheduled: state.meetingDate !== undefined ? true : undefined,
    }),
  evolve(state, data) {
    if (!isValidIsoDate(data.meetingDate)) return state
    return { ...state, meetingDate: data.meetingDate, status: 'meeting-arranged' }
  },
}

export const cancelMeeting: ActionRule<'cancel-meeting'> = {
  label: 'Cancel the meeting',
  refusal(state) {
    if (state.status === 'meeting-arranged') return undefined
    return `There is no meeting arranged to cancel: ${at(state)}.`
  },
  detailsRefusal(_state, action) {
    if (isBlank(action.reason)) return 'Say why the meeting is cancelled.'
    return undefined
  },
  event: 'meeting-cancelled',
  data: (state, action) =>
    defined({ meetingDate: state.meetingDate, place: trimmed(action.place), reason: action.reason.trim() }),
  // Back to preparing: a new date is arranged as before.
  evolve: (state) =>
    state.status === 'meeting-arranged' ? { ...withoutKeys(state, 'meetingDate'), status: 'preparation' } : state,
}

export const holdMeeting: ActionRule<'hold-meeting'> = {
  label: 'Record that the meeting was held',
  refusal(state) {
    if (state.status === 'meeting-arranged') return meetingGate(state, 'held')
    if (state.status === 'meeting-held') return 'The meeting has already been recorded as held.'
    return `Arrange the meeting first: ${at(state)}.`
  },
  event: 'meeting-held',
  data: () => ({}),
  evolve: (state) => ({ ...state, status: 'meeting-held' }),
}

const OUTCOME_STATUS: Record<Outcome, CaseStatus> = {
  agreement: 'agreement',
  partial: 'partial-agreement',
  none: 'no-agreement',
}

export const conclude: ActionRule<'conclude'> = {
  label: 'Record the outcome',
  refusal(state) {
    if (state.status === 'meeting-held') return undefined
    if (state.outcome !== undefined) return 'The outcome has already been recorded.'
    return `Record that the meeting was held first: ${at(state)}.`
  },
  detailsRefusal(_state, action) {
    if (!oneOf(OUTCOMES, action.outcome))
      return 'Say how the mediation ended: agreement, partial agreement, or no agreement.'
    return undefined
  },
  event: 'mediation-concluded',
  data: (state, action) => defined({ outcome: action.outcome, route: state.route }),
  evolve(state, data) {
    if (!oneOf(OUTCOMES, data.outcome)) return state
    const next: CaseState = { ...state, outcome: data.outcome, status: OUTCOME_STATUS[data.outcome] }
    return isSen(state) ? dueCertificate(next, 'after-mediation') : next
  },
}
