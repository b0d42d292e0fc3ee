// Triage: the scope decision, then in SEN mediation the parent's or young person's choice to
// mediate or to decline (and get a certificate).
import { appealSubjectOf, placementOnly } from '../appeal-subject.ts'
import {
  TRIAGE_STATUSES,
  at,
  decideScopeFirst,
  defined,
  dueCertificate,
  isBlank,
  isDr,
  oneOf,
  withoutKeys,
  type ActionRule,
} from './action-rule.ts'
import { SCOPES, routeForScope, type CaseState } from './case-state.ts'

export const decideScope: ActionRule<'decide-scope'> = {
  label: 'Decide the scope',
  refusal(state) {
    if (TRIAGE_STATUSES.includes(state.status)) return undefined
    return `The scope can no longer be changed: ${at(state)}. If the disagreement is of another kind, withdraw this case and open a new one.`
  },
  detailsRefusal(_state, action) {
    if (!oneOf(SCOPES, action.scope))
      return 'Choose a scope: SEN mediation, disagreement resolution, both, or out of scope.'
    if (isBlank(action.reason)) return 'Give a reason for the scope decision.'
    return undefined
  },
  event: 'scope-decided',
  data: (_state, action) =>
    defined({
      scope: action.scope,
      reason: action.reason.trim(),
      appealSubject: appealSubjectOf(action.appealSubject),
    }),
  evolve(state, data) {
    if (!oneOf(SCOPES, data.scope)) return state
    // The appeal's subject, as last decided: only the placement named needs no certificate.
    const placement = placementOnly(appealSubjectOf(data.appealSubject))
    const withSubject = (s: CaseState): CaseState =>
      placement ? { ...withoutKeys(s, 'certificateDue'), placementOnly: true } : withoutKeys(s, 'placementOnly')
    // As features/cases/scope-decision.ts does: a case past triage keeps its status (and its route).
    if (!TRIAGE_STATUSES.includes(state.status)) return withSubject({ ...state, scope: data.scope })
    const route = routeForScope(data.scope)
    const next: CaseState = {
      ...withoutKeys(state, 'route'),
      scope: data.scope,
      status: route ? 'scope-decided' : 'signposted',
    }
    return withSubject(route ? { ...next, route } : next)
  },
}

/** Choosing and declining are refused alike, except in disagreement resolution, which has no choice. */
function choiceRefusal(state: CaseState, drReason: string): string | undefined {
  if (state.status === 'enquiry') return decideScopeFirst
  if (isDr(state)) return drReason
  if (state.status === 'scope-decided') return undefined
  return `The parent or young person has already made their choice: ${at(state)}.`
}

export const chooseMediation: ActionRule<'choose-mediation'> = {
  label: 'Record the choice to mediate',
  refusal: (state) =>
    choiceRefusal(
      state,
      'This case is disagreement resolution: the family has already asked for it, so start asking the other parties whether they are willing to take part.',
    ),
  event: 'mediation-requested',
  // clocks.ts reads healthInIssue and healthOnly (health-only mediation runs from the ICB being told).
  data: (_state, action) => ({
    healthInIssue: action.healthInIssue === true || action.healthOnly === true,
    healthOnly: action.healthOnly === true,
  }),
  evolve: (state) => ({ ...state, mediationRequested: true, status: 'willingness' }),
}

export const declineMediation: ActionRule<'decline-mediation'> = {
  label: 'Record that mediation is declined',
  refusal: (state) =>
    choiceRefusal(
      state,
      'There is no certificate to decline mediation for: disagreement resolution never affects the right to appeal. If the family no longer wants it, withdraw the case with a reason.',
    ),
  event: 'mediation-declined',
  data: () => ({}),
  evolve: (state) => dueCertificate({ ...state, status: 'declined' }, 'declined'),
}
