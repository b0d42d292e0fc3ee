// SEN mediation certificates: issuing the one that is due, and the "deemed" certificate when the
// council cannot arrange mediation within 30 days. Disagreement resolution never has one.
import {
  WILLINGNESS_WINDOW,
  at,
  chooseFirst,
  decideScopeFirst,
  defined,
  dueCertificate,
  isDr,
  isSen,
  oneOf,
  trimmed,
  withoutKeys,
  type ActionRule,
} from './action-rule.ts'
import { CERTIFICATE_KINDS, certificateLabels } from './case-state.ts'

export const issueCertificate: ActionRule<'issue-certificate'> = {
  label: 'Issue the mediation certificate',
  // The change-of-mind certificate is issued after the withdrawal.
  openWhenEnded: ['withdrawn'],
  refusal(state) {
    if (!isSen(state)) {
      return state.route === undefined
        ? 'A certificate is only issued in SEN mediation, and the scope has not been decided as SEN mediation.'
        : 'A certificate is only issued in SEN mediation: disagreement resolution never affects the right to appeal.'
    }
    if (state.certificateIssued !== undefined) {
      return `A certificate has already been issued for this case (after ${certificateLabels[state.certificateIssued]}): a case has only one.`
    }
    if (state.placementOnly) {
      return 'The appeal is only about the school or placement named (section I): it needs no mediation certificate.'
    }
    if (state.certificateDue === undefined) {
      return 'No certificate is due yet. One is due when the parent or young person declines mediation or withdraws after choosing it, when mediation ends, or when it cannot be arranged within 30 days.'
    }
    return undefined
  },
  detailsRefusal(state, action) {
    if (!oneOf(CERTIFICATE_KINDS, action.kind)) return 'Say which certificate is being issued.'
    const due = state.certificateDue
    if (due !== undefined && action.kind !== due) {
      return `The certificate due is the one after ${certificateLabels[due]}, not after ${certificateLabels[action.kind]}.`
    }
    return undefined
  },
  event: 'certificate-issued',
  data: (_state, action) => ({ kind: action.kind }),
  evolve(state, data) {
    if (!isSen(state) || !oneOf(CERTIFICATE_KINDS, data.kind)) return state
    const next = withoutKeys(state, 'certificateDue')
    // A withdrawn case stays withdrawn (so it can be reopened); elsewhere the certificate is the next step.
    return {
      ...next,
      certificateIssued: data.kind,
      status: state.status === 'withdrawn' ? 'withdrawn' : 'certificate-issued',
    }
  },
}

export const cannotArrange: ActionRule<'cannot-arrange'> = {
  label: 'Record that mediation cannot be arranged within 30 days',
  refusal(state) {
    if (isDr(state)) {
      return 'Only SEN mediation must be arranged within 30 days, with a certificate if it cannot be: if disagreement resolution cannot go ahead, withdraw the case with a reason.'
    }
    if (!isSen(state)) return decideScopeFirst
    if (WILLINGNESS_WINDOW.includes(state.status)) return undefined
    if (state.status === 'scope-decided') return chooseFirst
    return `This applies only between the choice to mediate and the meeting: ${at(state)}.`
  },
  event: 'cannot-arrange',
  data: (_state, action) => defined({ reason: trimmed(action.reason) }),
  evolve: (state) => dueCertificate({ ...state, status: 'cannot-arrange' }, 'cannot-arrange'),
}
