// The willingness test: asking the other parties to take part, chasing them, and recording their
// answers. In disagreement resolution any party that is not willing stops the case.
import { isValidIsoDate } from '../dates.ts'
import { capitalise } from '../text.ts'
import {
  invitedParties,
  isContactMethod,
  isPartyKind,
  isWillingnessAnswer,
  mustTakePartInSenMediation,
  partyNames,
  type PartyKind,
  type PartyWillingness,
} from '../willingness.ts'
import type { ActionType } from './actions.ts'
import {
  WILLINGNESS_WINDOW,
  at,
  chooseFirst,
  decideScopeFirst,
  defined,
  isBlank,
  isDr,
  isSen,
  str,
  trimmed,
  type ActionRule,
} from './action-rule.ts'
import type { CaseState } from './case-state.ts'

export const startWillingness: ActionRule<'start-willingness'> = {
  label: 'Start asking the other parties',
  refusal(state) {
    const { status } = state
    if (status === 'enquiry') return decideScopeFirst
    if (isSen(state)) {
      return status === 'scope-decided'
        ? "In SEN mediation, record the parent's or young person's choice to mediate: that starts contact with the other parties."
        : `The other parties are already being contacted or the case has moved on: ${at(state)}.`
    }
    if (status === 'scope-decided') return undefined
    return `The other parties are already being asked, or the case has moved on: ${at(state)}.`
  },
  event: 'willingness-started',
  data: () => ({}),
  evolve: (state) => ({ ...state, status: 'willingness' }),
}

type PartyActionType = Extract<ActionType, 'invite-party' | 'chase-party' | 'record-willingness'>

/** Inviting, chasing and answering are open in the same window. */
function partyRefusal(state: CaseState, type: PartyActionType): string | undefined {
  const { status } = state
  if (!WILLINGNESS_WINDOW.includes(status)) {
    if (status === 'enquiry' || status === 'signposted') return decideScopeFirst
    if (status === 'scope-decided') return isSen(state) ? chooseFirst : 'Start asking the other parties first.'
    return `The other parties can only be asked to take part before the meeting is held: ${at(state)}.`
  }
  const invited = invitedParties(state.parties)
  if (type !== 'invite-party' && invited.length === 0)
    return 'No party has been invited yet: record an invitation first.'
  if (type === 'chase-party' && invited.every((kind) => state.parties[kind]?.answered !== undefined)) {
    return 'Every invited party has answered: there is nobody to chase.'
  }
  return undefined
}

/** The party and date every party action gives; for a chaser or an answer, the party must have been invited before. */
function partyDetailsRefusal(
  state: CaseState,
  action: { type: PartyActionType; party: PartyKind; on: string },
): string | undefined {
  if (!isPartyKind(action.party))
    return 'Choose which party: the council, a school or college, a health body or social care.'
  const name = partyNames[action.party]
  const party = state.parties[action.party]
  if (!isValidIsoDate(action.on)) return `Give the date for ${name} as a real date (YYYY-MM-DD).`
  if (action.type === 'invite-party') return undefined
  if (!party) return `${capitalise(name)} has not been invited yet: record the invitation first.`
  // A date before the invitation is refused by the one rule for the order of events (event-order.ts).
  return undefined
}

function setParty(state: CaseState, kind: PartyKind, party: PartyWillingness): CaseState {
  return { ...state, parties: { ...state.parties, [kind]: party } }
}

export const inviteParty: ActionRule<'invite-party'> = {
  label: 'Record an invitation to a party',
  refusal: (state) => partyRefusal(state, 'invite-party'),
  detailsRefusal(state, action) {
    const refusal = partyDetailsRefusal(state, action)
    if (refusal !== undefined) return refusal
    const name = partyNames[action.party]
    const party = state.parties[action.party]
    if (!isContactMethod(action.how)) return `Say how ${name} was invited: by email, phone, text or letter.`
    if (party) return `${capitalise(name)} was already invited, on ${party.invited.on}: record a chaser instead.`
    return undefined
  },
  event: 'party-invited',
  data: (_state, action) => ({ party: action.party, on: action.on, how: action.how }),
  evolve(state, data) {
    if (!isPartyKind(data.party) || !isValidIsoDate(data.on) || !isContactMethod(data.how)) return state
    return setParty(state, data.party, { invited: { on: data.on, how: data.how } })
  },
}

export const chaseParty: ActionRule<'chase-party'> = {
  label: 'Record a chaser to a party',
  refusal: (state) => partyRefusal(state, 'chase-party'),
  detailsRefusal(state, action) {
    const refusal = partyDetailsRefusal(state, action)
    if (refusal !== undefined) return refusal
    const name = partyNames[action.party]
    if (state.parties[action.party]?.answered)
      return `${capitalise(name)} has already answered: there is nothing to chase.`
    return undefined
  },
  event: 'party-chased',
  data: (_state, action) => ({ party: action.party, on: action.on }),
  evolve(state, data) {
    const party = isPartyKind(data.party) ? state.parties[data.party] : undefined
    if (!isPartyKind(data.party) || !party || !isValidIsoDate(data.on)) return state
    return setParty(state, data.party, { ...party, chased: { on: data.on, count: (party.chased?.count ?? 0) + 1 } })
  },
}

export const recordWillingness: ActionRule<'record-willingness'> = {
  label: "Record a party's answer",
  refusal: (state) => partyRefusal(state, 'record-willingness'),
  detailsRefusal(state, action) {
    const refusal = partyDetailsRefusal(state, action)
    if (refusal !== undefined) return refusal
    const name = partyNames[action.party]
    if (!isWillingnessAnswer(action.answer)) return `Say whether ${name} is willing, not willing, or did not answer.`
    if (action.answer === 'unwilling' && isSen(state) && mustTakePartInSenMediation(action.party)) {
      return `${capitalise(name)} cannot refuse SEN mediation: the law requires it to take part. If mediation cannot be arranged within 30 days, record that instead, so the certificate can be issued.`
    }
    if (action.answer === 'unwilling' && isBlank(action.reason))
      return `Give the reason ${name} gave for not taking part.`
    return undefined
  },
  event: 'willingness-recorded',
  data: (_state, action) =>
    defined({ party: action.party, on: action.on, answer: action.answer, reason: trimmed(action.reason) }),
  evolve(state, data) {
    const party = isPartyKind(data.party) ? state.parties[data.party] : undefined
    if (!isPartyKind(data.party) || !party || !isValidIsoDate(data.on) || !isWillingnessAnswer(data.answer))
      return state
    const reason = str(data.reason)
    const answered =
      reason === undefined ? { on: data.on, answer: data.answer } : { on: data.on, answer: data.answer, reason }
    const next = setParty(state, data.party, { ...party, answered })
    if (isDr(state) && data.answer !== 'willing' && state.status !== 'could-not-proceed') {
      return { ...next, statusBeforeStopping: state.status, status: 'could-not-proceed' }
    }
    return next
  },
}
