// After the outcome: following up an agreement, and closing the case.
import { OUTCOME_STATUSES, at, defined, trimmed, type ActionRule } from './action-rule.ts'
import { certificateLabels, statusLabels, type CaseStatus } from './case-state.ts'

export const startFollowUp: ActionRule<'start-follow-up'> = {
  label: 'Start follow-up',
  refusal(state) {
    const { status } = state
    if (status === 'follow-up') return 'Follow-up has already started.'
    const concluded =
      OUTCOME_STATUSES.includes(status) || (status === 'certificate-issued' && state.outcome !== undefined)
    if (!concluded) return `Follow-up is for an agreement reached at the meeting: ${at(state)}.`
    if (state.outcome === 'none') return 'There is no agreement to follow up: close the case when everything is done.'
    if (state.certificateDue !== undefined)
      return 'Issue the mediation certificate first: it is due within 3 working days of the mediation ending.'
    return undefined
  },
  event: 'follow-up-started',
  data: () => ({}),
  evolve: (state) => ({ ...state, status: 'follow-up' }),
}

const CLOSABLE: readonly CaseStatus[] = [
  'signposted',
  // Declined with no certificate due: the appeal is only about the placement named.
  'declined',
  'certificate-issued',
  'follow-up',
  'withdrawn',
  'could-not-proceed',
  ...OUTCOME_STATUSES,
]

export const close: ActionRule<'close'> = {
  label: 'Close the case',
  openWhenEnded: ['withdrawn', 'could-not-proceed'],
  refusal(state) {
    if (state.certificateDue !== undefined) {
      return `Issue the certificate first (it follows ${certificateLabels[state.certificateDue]}): the parent or young person needs it to appeal to the SEND Tribunal.`
    }
    const { status } = state
    if (CLOSABLE.includes(status)) return undefined
    return `The case is still in progress (${statusLabels[status]}): withdraw it, with a reason, instead of closing it.`
  },
  event: 'closed',
  data: (state, action) => defined({ from: state.status, note: trimmed(action.note) }),
  evolve: (state) => ({ ...state, statusBeforeClosing: state.status, status: 'closed' }),
}
