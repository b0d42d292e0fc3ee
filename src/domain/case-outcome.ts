// How a case ended, for reporting (case_outcomes), and the workflow actions that close it with
// that outcome, tried in turn on the case's state: pure code over domain/workflow.ts.
import { refusalReason, transition, type Action, type CaseState, type WithdrawnBy } from './workflow.ts'

export const CASE_OUTCOMES = [
  'full-agreement',
  'partial-agreement',
  'no-agreement',
  'withdrawn',
  'could-not-proceed',
  'referred',
] as const
export type CaseOutcome = (typeof CASE_OUTCOMES)[number]

export const caseOutcomeLabels: Record<CaseOutcome, string> = {
  'full-agreement': 'Full agreement',
  'partial-agreement': 'Partial agreement',
  'no-agreement': 'No agreement',
  withdrawn: 'Withdrawn',
  'could-not-proceed': 'Could not go ahead: a party was not willing',
  referred: 'Referred elsewhere',
}

export const withdrawnByLabels: Record<WithdrawnBy, string> = {
  parent: 'The parent or carer',
  'young-person': 'The young person',
  'other-party': 'Another party',
  service: 'The service',
}

export const caseOutcomeLabel = (outcome: string) => caseOutcomeLabels[outcome as CaseOutcome] ?? outcome

export type OutcomeInput =
  | { outcome: 'full-agreement' | 'partial-agreement' | 'no-agreement'; reason: string }
  | { outcome: 'withdrawn'; withdrawnBy: WithdrawnBy; reason: string }
  | { outcome: 'could-not-proceed'; unwillingPartyId: string; reason: string }
  | { outcome: 'referred'; referredTo: string; reason: string }

/** The workflow actions that close a case with this outcome, tried in turn on the state. */
export function outcomeActions(
  state: CaseState,
  input: OutcomeInput,
  unwillingLabel: string,
): { actions: Action[] } | { refused: string } {
  const actions: Action[] = []
  let current = state
  const attempt = (action: Action): string | undefined => {
    const r = transition(current, action)
    if (!r.ok) return r.reason
    actions.push(action)
    current = r.state
    return undefined
  }
  const closeIfAllowed = () => {
    if (refusalReason(current, 'close') === undefined) attempt({ type: 'close', note: input.reason || undefined })
  }
  const note = input.reason ? ` ${input.reason}` : ''
  switch (input.outcome) {
    case 'full-agreement':
    case 'partial-agreement':
    case 'no-agreement': {
      if (current.outcome === undefined && current.status === 'meeting-held') {
        const refusedWhy = attempt({
          type: 'conclude',
          outcome:
            input.outcome === 'full-agreement'
              ? 'agreement'
              : input.outcome === 'partial-agreement'
                ? 'partial'
                : 'none',
        })
        if (refusedWhy) return { refused: refusedWhy }
      }
      const refusedWhy = attempt({ type: 'close', note: input.reason || undefined })
      return refusedWhy ? { refused: refusedWhy } : { actions }
    }
    case 'withdrawn': {
      if (current.status !== 'withdrawn') {
        const refusedWhy = attempt({ type: 'withdraw', by: input.withdrawnBy, reason: input.reason })
        if (refusedWhy) return { refused: refusedWhy }
      }
      closeIfAllowed()
      return { actions }
    }
    case 'could-not-proceed':
    case 'referred': {
      if (refusalReason(current, 'close') === undefined) return (closeIfAllowed(), { actions })
      const why =
        input.outcome === 'referred'
          ? `Referred to ${input.referredTo}.${note}`
          : `Could not go ahead: ${unwillingLabel} was not willing to take part.${note}`
      const refusedWhy = attempt({ type: 'withdraw', by: 'service', reason: why })
      if (refusedWhy) return { refused: refusedWhy }
      closeIfAllowed()
      return { actions }
    }
  }
}
