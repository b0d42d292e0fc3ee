// Leaving the workflow part-way (withdrawing), and coming back to where the case was (reopening a
// withdrawn or closed case, or one that could not go ahead).
import {
  WILLINGNESS_WINDOW,
  at,
  defined,
  dueCertificate,
  isBlank,
  isSen,
  oneOf,
  str,
  withoutKeys,
  type ActionRule,
} from './action-rule.ts'
import { WITHDRAWN_BY, isCaseStatus, type CaseState, type CaseStatus, type WithdrawnBy } from './case-state.ts'

const IN_PROGRESS: readonly CaseStatus[] = ['enquiry', 'scope-decided', ...WILLINGNESS_WINDOW, 'meeting-held']

/** The change-of-mind certificate: SEN mediation, the parent or young person, after choosing to mediate. */
function changeOfMindCertificateDue(state: CaseState, by: WithdrawnBy): boolean {
  return (
    isSen(state) &&
    state.mediationRequested === true &&
    state.certificateIssued === undefined &&
    (by === 'parent' || by === 'young-person')
  )
}

export const withdraw: ActionRule<'withdraw'> = {
  label: 'Withdraw the case',
  refusal(state) {
    const { status } = state
    if (IN_PROGRESS.includes(status)) return undefined
    if (status === 'signposted') return 'The enquiry was signposted to another service: close the case instead.'
    return `There is nothing left to withdraw from: ${at(state)}. Close the case instead${state.certificateDue ? ', once the certificate is issued' : ''}.`
  },
  detailsRefusal(state, action) {
    if (!oneOf(WITHDRAWN_BY, action.by))
      return 'Say who is withdrawing: the parent, the young person, another party, or the service.'
    if (isBlank(action.reason)) return 'Give a reason for withdrawing the case.'
    if (action.by === 'other-party' && isSen(state)) {
      return 'In SEN mediation another party cannot withdraw the case: the council and health body must take part, and a school, college or social care that will not attend is recorded as their answer instead.'
    }
    return undefined
  },
  event: 'withdrawn',
  data: (state, action) =>
    defined({
      by: action.by,
      reason: action.reason.trim(),
      from: state.status,
      route: state.route,
      certificateDue: changeOfMindCertificateDue(state, action.by),
    }),
  evolve(state, data) {
    const by = oneOf(WITHDRAWN_BY, data.by) ? data.by : 'service'
    const next: CaseState = {
      ...state,
      statusBeforeWithdrawal: state.status,
      status: 'withdrawn',
      withdrawal: { by, reason: str(data.reason) ?? '' },
    }
    return data.certificateDue === true ? dueCertificate(next, 'change-of-mind') : next
  },
}

/** Back to where the case was before it was withdrawn, stopped or closed. */
function reopenTarget(state: CaseState): CaseStatus | undefined {
  const before = (status: CaseStatus | undefined): CaseStatus | undefined => {
    if (status === 'withdrawn') return state.statusBeforeWithdrawal
    if (status === 'could-not-proceed') return state.statusBeforeStopping
    return status
  }
  return state.status === 'closed' ? before(state.statusBeforeClosing) : before(state.status)
}

export const reopen: ActionRule<'reopen'> = {
  label: 'Reopen the case',
  openWhenEnded: ['closed', 'withdrawn', 'could-not-proceed'],
  refusal(state) {
    const { status } = state
    if (status === 'withdrawn' || status === 'closed' || status === 'could-not-proceed') {
      return reopenTarget(state) === undefined
        ? 'The case cannot be reopened: its history does not say where it was before.'
        : undefined
    }
    return 'Only a withdrawn or closed case, or one that could not go ahead, can be reopened.'
  },
  detailsRefusal(_state, action) {
    if (isBlank(action.reason)) return 'Give a reason for reopening the case.'
    return undefined
  },
  event: 'reopened',
  data: (state, action) => defined({ reason: action.reason.trim(), from: state.status, to: reopenTarget(state) }),
  evolve(state, data) {
    const to = isCaseStatus(data.to) ? data.to : reopenTarget(state)
    if (to === undefined) return state
    const next = withoutKeys(
      state,
      'statusBeforeWithdrawal',
      'statusBeforeClosing',
      'statusBeforeStopping',
      'withdrawal',
    )
    // Back in mediation, the parent or young person has not withdrawn after all.
    const cleared = next.certificateDue === 'change-of-mind' ? withoutKeys(next, 'certificateDue') : next
    return { ...cleared, status: to }
  },
}
