// Where each step of a case is taken, and the links a refusal gives: a step that cannot be taken
// yet names what comes first (domain/workflow), and the page says it with a link to that step,
// so nobody has to find a status action on another page by themselves.
import { actionLabels, stepsNow, transition, type ActionType, type CaseState } from '../../domain/workflow.ts'
import { invitedParties, partiesNotYetWilling, partyNames, type PartyKind } from '../../domain/willingness.ts'

export interface StepLink {
  text: string
  href: string
}

/** Steps with pages of their own (the others are the forms at /actions/:type). */
const ownPages: Partial<Record<ActionType, string>> = {
  'decide-scope': '/scope',
  'allocate-mediator': '/mediator',
  'arrange-meeting': '/meeting/book',
  'cancel-meeting': '/meeting/cancel',
}

/** A done step offered again, in the words of what it does now. */
const changeWords: Partial<Record<ActionType, StepLink>> = {
  'decide-scope': { text: 'Change the scope decision', href: '/scope' },
  'allocate-mediator': { text: 'Change the mediator', href: '/mediator' },
  'arrange-meeting': { text: 'Move the meeting', href: '/meeting/move' },
}

const base = (caseId: string) => `/cases/${caseId}`

export function stepLink(caseId: string, type: ActionType): StepLink {
  return { text: actionLabels[type], href: `${base(caseId)}${ownPages[type] ?? `/actions/${type}`}` }
}

/** The steps open now: what moves the case on, and what changes or stops it. */
export function stepLinks(caseId: string, state: CaseState): { next: StepLink[]; other: StepLink[] } {
  const { next, other } = stepsNow(state)
  return {
    next: next.map((type) => stepLink(caseId, type)),
    // Among the others, these three are there only once done (domain/workflow/next-steps.ts).
    other: other.map((type) => {
      const words = changeWords[type]
      return words ? { text: words.text, href: `${base(caseId)}${words.href}` } : stepLink(caseId, type)
    }),
  }
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
const partyStep = (caseId: string, step: 'invite-party' | 'record-willingness', party: PartyKind): StepLink => ({
  text: `${step === 'invite-party' ? 'Record the invitation to' : 'Record the answer of'} ${partyNames[party]}`,
  href: `${base(caseId)}/actions/${step}?party=${party}`,
})

/** Before a meeting: the council (SEN) or every party's willingness (DR). */
function meetingGateLinks(caseId: string, state: CaseState): StepLink[] {
  if (state.route === 'disagreement-resolution') {
    const invited = invitedParties(state.parties)
    if (invited.length === 0) return [{ text: 'Ask the other parties', href: `${base(caseId)}/progress#willingness` }]
    return partiesNotYetWilling(state.parties).map((party) => partyStep(caseId, 'record-willingness', party))
  }
  return invitedParties(state.parties).some((p) => p === 'local-authority' || p === 'health')
    ? []
    : [partyStep(caseId, 'invite-party', 'local-authority')]
}

/**
 * The links for a refusal of `refused`, given why (`reason`): the step it names, where it is taken.
 * Booking the meeting starts preparation itself (meetings), so the case is read as if it had.
 */
export function linksForRefusal(caseId: string, state: CaseState, refused: ActionType, reason: string): StepLink[] {
  if (/^Contact every party/.test(reason))
    return [{ text: 'Record a contact with each party', href: `${base(caseId)}/preparation/contacts` }]
  const prepared =
    refused === 'arrange-meeting' && state.status === 'mediator-allocated'
      ? transition(state, { type: 'start-preparation' })
      : undefined
  const now = prepared?.ok ? prepared.state : state
  if ((refused === 'arrange-meeting' || refused === 'hold-meeting') && /until/.test(reason)) {
    const gate = meetingGateLinks(caseId, now)
    if (gate.length) return gate
  }
  const { next, other } = stepsNow(now)
  const named = other.filter(
    (type) =>
      (type === 'withdraw' && /withdraw/i.test(reason)) || (type === 'cannot-arrange' && /30 days/.test(reason)),
  )
  const closing =
    /close the case/i.test(reason) && !next.includes('close') && other.includes('close') ? ['close' as const] : []
  return [...next, ...named, ...closing]
    .filter((type) => type !== refused)
    .map((type) => {
      const link = stepLink(caseId, type)
      return { ...link, text: capitalised(link.text) }
    })
}
