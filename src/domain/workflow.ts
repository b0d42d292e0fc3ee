// The case workflow for both routes, as pure code. Every change is an event: `transition` checks
// an action against the case's current state and either refuses it, saying why in plain English,
// or returns the event to append to case_events and the state after it. `stateFromEvents` folds
// stored events back into the state with the same `evolve` the live path uses, so the status
// column is derived from the record, never the other way round.
//
// SEN mediation: enquiry -> scope decided -> the parent's or young person's choice (mediate, or
// decline and get a certificate) -> asking the other parties -> mediator allocated -> preparation
// -> meeting arranged -> meeting held -> agreement / partial agreement / no agreement ->
// certificate -> follow-up -> closed. Disagreement resolution: the same without the choice and the
// certificates, and it stops if any party is not willing. See /work/shared/domain/rules.md.
import { isValidIsoDate, compare, type IsoDate } from './dates.ts'
import type { ContactMethod } from './request.ts'
import {
  invitedParties,
  isContactMethod,
  isPartyKind,
  isWillingnessAnswer,
  listParties,
  mustTakePartInSenMediation,
  partiesNotYetWilling,
  partyNames,
  type Parties,
  type PartyKind,
  type PartyWillingness,
  type WillingnessAnswer,
} from './willingness.ts'

// --- Routes and scope ---

export const ROUTES = ['sen-mediation', 'disagreement-resolution'] as const
export type Route = (typeof ROUTES)[number]

export const routeLabels: Record<Route, string> = {
  'sen-mediation': 'SEN mediation',
  'disagreement-resolution': 'Disagreement resolution',
}

/** The values the scope decision takes (cases.scope holds 'undecided' until then). */
export const SCOPES = ['sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope'] as const
export type Scope = (typeof SCOPES)[number]

/** A case scoped 'both' runs as SEN mediation for the appealable part. Out of scope has no route. */
export function routeForScope(scope: Scope): Route | undefined {
  if (scope === 'sen-mediation' || scope === 'both') return 'sen-mediation'
  if (scope === 'disagreement-resolution') return 'disagreement-resolution'
  return undefined
}

// --- Statuses ---

export const CASE_STATUSES = [
  'enquiry',
  'scope-decided',
  'signposted',
  'declined',
  'willingness',
  'mediator-allocated',
  'preparation',
  'meeting-arranged',
  'meeting-held',
  'agreement',
  'partial-agreement',
  'no-agreement',
  'cannot-arrange',
  'certificate-issued',
  'follow-up',
  'could-not-proceed',
  'withdrawn',
  'closed',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** For staff screens. */
export const statusLabels: Record<CaseStatus, string> = {
  enquiry: 'New enquiry',
  'scope-decided': 'Scope decided',
  signposted: 'Signposted elsewhere',
  declined: 'Mediation declined: certificate due',
  willingness: 'Asking the other parties to take part',
  'mediator-allocated': 'Mediator allocated',
  preparation: 'Mediator preparing with each party',
  'meeting-arranged': 'Meeting arranged',
  'meeting-held': 'Meeting held',
  agreement: 'Agreement reached',
  'partial-agreement': 'Partial agreement reached',
  'no-agreement': 'No agreement reached',
  'cannot-arrange': 'Mediation cannot be arranged within 30 days: certificate due',
  'certificate-issued': 'Mediation certificate issued',
  'follow-up': 'Following up the agreement',
  'could-not-proceed': 'Could not go ahead: not every party is willing to take part',
  withdrawn: 'Withdrawn',
  closed: 'Closed',
}

export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value)
}

// --- Certificates, outcomes, withdrawal ---

export const CERTIFICATE_KINDS = ['declined', 'after-mediation', 'cannot-arrange', 'change-of-mind'] as const
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number]

export const certificateLabels: Record<CertificateKind, string> = {
  declined: 'the parent or young person declining mediation',
  'after-mediation': 'the end of mediation',
  'cannot-arrange': 'mediation not being arranged within 30 days (the "deemed" certificate)',
  'change-of-mind': 'the parent or young person withdrawing from mediation',
}

export const OUTCOMES = ['agreement', 'partial', 'none'] as const
export type Outcome = (typeof OUTCOMES)[number]

const OUTCOME_STATUS: Record<Outcome, CaseStatus> = {
  agreement: 'agreement',
  partial: 'partial-agreement',
  none: 'no-agreement',
}

export const WITHDRAWN_BY = ['parent', 'young-person', 'other-party', 'service'] as const
export type WithdrawnBy = (typeof WITHDRAWN_BY)[number]

// --- State ---

export interface CaseState {
  status: CaseStatus
  scope?: Scope
  route?: Route
  /** SEN mediation: the parent or young person chose to mediate. */
  mediationRequested?: true
  parties: Parties
  mediator?: string
  meetingDate?: IsoDate
  outcome?: Outcome
  /** SEN mediation only: the certificate that must be issued next. */
  certificateDue?: CertificateKind
  /** SEN mediation only: a case has at most one certificate. */
  certificateIssued?: CertificateKind
  statusBeforeWithdrawal?: CaseStatus
  statusBeforeClosing?: CaseStatus
  /** Disagreement resolution: where the case was when a party said no (or did not answer). */
  statusBeforeStopping?: CaseStatus
  withdrawal?: { by: WithdrawnBy; reason: string }
}

export const initialState: CaseState = { status: 'enquiry', parties: {} }

// --- Actions ---

export type Action =
  | { type: 'decide-scope'; scope: Scope; reason: string }
  | { type: 'choose-mediation'; healthInIssue?: boolean; healthOnly?: boolean }
  | { type: 'decline-mediation' }
  | { type: 'start-willingness' }
  | { type: 'invite-party'; party: PartyKind; on: IsoDate; how: ContactMethod }
  | { type: 'chase-party'; party: PartyKind; on: IsoDate }
  | { type: 'record-willingness'; party: PartyKind; on: IsoDate; answer: WillingnessAnswer; reason?: string }
  | {
      type: 'allocate-mediator'
      mediator: string
      /** mediators.id, when allocated from the panel. */ mediatorId?: string
    }
  | { type: 'start-preparation' }
  | { type: 'arrange-meeting'; meetingDate: IsoDate; shorterNoticeAgreed?: boolean; venue?: string }
  | { type: 'cancel-meeting'; reason: string; /** Where it was to be, for the timeline. */ place?: string }
  | { type: 'hold-meeting' }
  | { type: 'conclude'; outcome: Outcome }
  | { type: 'issue-certificate'; kind: CertificateKind }
  | { type: 'cannot-arrange'; reason?: string }
  | { type: 'start-follow-up' }
  | { type: 'close'; note?: string }
  | { type: 'withdraw'; by: WithdrawnBy; reason: string }
  | { type: 'reopen'; reason: string }

export type ActionType = Action['type']

export const ACTION_TYPES = [
  'decide-scope',
  'choose-mediation',
  'decline-mediation',
  'start-willingness',
  'invite-party',
  'chase-party',
  'record-willingness',
  'allocate-mediator',
  'start-preparation',
  'arrange-meeting',
  'cancel-meeting',
  'hold-meeting',
  'conclude',
  'issue-certificate',
  'cannot-arrange',
  'start-follow-up',
  'close',
  'withdraw',
  'reopen',
] as const satisfies readonly ActionType[]

/** Button text for staff screens. */
export const actionLabels: Record<ActionType, string> = {
  'decide-scope': 'Decide the scope',
  'choose-mediation': 'Record the choice to mediate',
  'decline-mediation': 'Record that mediation is declined',
  'start-willingness': 'Start asking the other parties',
  'invite-party': 'Record an invitation to a party',
  'chase-party': 'Record a chaser to a party',
  'record-willingness': "Record a party's answer",
  'allocate-mediator': 'Allocate a mediator',
  'start-preparation': 'Start preparation',
  'arrange-meeting': 'Arrange the meeting',
  'cancel-meeting': 'Cancel the meeting',
  'hold-meeting': 'Record that the meeting was held',
  conclude: 'Record the outcome',
  'issue-certificate': 'Issue the mediation certificate',
  'cannot-arrange': 'Record that mediation cannot be arranged within 30 days',
  'start-follow-up': 'Start follow-up',
  close: 'Close the case',
  withdraw: 'Withdraw the case',
  reopen: 'Reopen the case',
}

// --- Events ---

/** What transition returns for case_events: data is plain JSON (no undefined values). */
export interface WorkflowEvent {
  type: WorkflowEventType
  data: Record<string, unknown>
}

/** The names shared with clocks.ts are the same facts: mediation-requested, mediation-declined, cannot-arrange, meeting-scheduled, mediation-concluded, withdrawn, certificate-issued. */
export const WORKFLOW_EVENT_TYPES = [
  'scope-decided',
  'mediation-requested',
  'mediation-declined',
  'willingness-started',
  'party-invited',
  'party-chased',
  'willingness-recorded',
  'mediator-allocated',
  'preparation-started',
  'meeting-scheduled',
  'meeting-cancelled',
  'meeting-held',
  'mediation-concluded',
  'certificate-issued',
  'cannot-arrange',
  'follow-up-started',
  'closed',
  'withdrawn',
  'reopened',
] as const
export type WorkflowEventType = (typeof WORKFLOW_EVENT_TYPES)[number]

/** A stored event: case_events rows fit (other columns are ignored, and so are events of other types). */
export interface StoredEvent {
  type: string
  data?: Record<string, unknown> | null
}

export type TransitionResult = { ok: true; state: CaseState; event: WorkflowEvent } | { ok: false; reason: string }

// --- Where each action may happen ---

/** Where the other parties can be asked, chased and answer: from the start of the willingness test until the meeting. */
const WILLINGNESS_WINDOW: readonly CaseStatus[] = [
  'willingness',
  'mediator-allocated',
  'preparation',
  'meeting-arranged',
]
const IN_PROGRESS: readonly CaseStatus[] = ['enquiry', 'scope-decided', ...WILLINGNESS_WINDOW, 'meeting-held']
const TRIAGE_STATUSES: readonly CaseStatus[] = ['enquiry', 'scope-decided', 'signposted']
const OUTCOME_STATUSES: readonly CaseStatus[] = ['agreement', 'partial-agreement', 'no-agreement']

const isSen = (state: CaseState) => state.route === 'sen-mediation'
const isDr = (state: CaseState) => state.route === 'disagreement-resolution'
const at = (state: CaseState) => `the case is at "${statusLabels[state.status]}"`
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** The refusal that applies whatever the action's details, or undefined. */
function refusalForState(state: CaseState, type: ActionType): string | undefined {
  const { status } = state
  if (status === 'closed' && type !== 'reopen') return 'The case is closed: reopen it, with a reason, first.'
  if (status === 'withdrawn' && !['reopen', 'close', 'issue-certificate'].includes(type)) {
    return 'The case was withdrawn: reopen it, with a reason, first.'
  }
  if (status === 'could-not-proceed' && !['reopen', 'close'].includes(type)) {
    return 'Disagreement resolution could not go ahead because not every party is willing to take part: reopen the case, with a reason, if that changes, or close it.'
  }
  const chooseFirst = "Record the parent's or young person's choice first: to mediate, or to decline mediation."
  const decideScopeFirst = 'Decide the scope first.'

  switch (type) {
    case 'decide-scope':
      if (TRIAGE_STATUSES.includes(status)) return undefined
      return `The scope can no longer be changed: ${at(state)}. If the disagreement is of another kind, withdraw this case and open a new one.`

    case 'choose-mediation':
    case 'decline-mediation':
      if (status === 'enquiry') return decideScopeFirst
      if (isDr(state)) {
        return type === 'decline-mediation'
          ? 'There is no certificate to decline mediation for: disagreement resolution never affects the right to appeal. If the family no longer wants it, withdraw the case with a reason.'
          : 'This case is disagreement resolution: the family has already asked for it, so start asking the other parties whether they are willing to take part.'
      }
      if (status === 'scope-decided') return undefined
      return `The parent or young person has already made their choice: ${at(state)}.`

    case 'start-willingness':
      if (status === 'enquiry') return decideScopeFirst
      if (isSen(state)) {
        return status === 'scope-decided'
          ? "In SEN mediation, record the parent's or young person's choice to mediate: that starts contact with the other parties."
          : `The other parties are already being contacted or the case has moved on: ${at(state)}.`
      }
      if (status === 'scope-decided') return undefined
      return `The other parties are already being asked, or the case has moved on: ${at(state)}.`

    case 'invite-party':
    case 'chase-party':
    case 'record-willingness': {
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

    case 'allocate-mediator':
      if (WILLINGNESS_WINDOW.includes(status)) return undefined
      if (status === 'scope-decided') return isSen(state) ? chooseFirst : 'Start asking the other parties first.'
      if (status === 'enquiry') return decideScopeFirst
      return `A mediator can only be allocated or changed before the meeting is held: ${at(state)}.`

    case 'start-preparation':
      if (status === 'mediator-allocated') return undefined
      if (status === 'willingness') return 'Allocate a mediator first: the mediator prepares with each party.'
      if (status === 'preparation') return 'Preparation has already started.'
      return `Preparation starts once a mediator is allocated: ${at(state)}.`

    case 'arrange-meeting':
      if (status === 'preparation' || status === 'meeting-arranged') return meetingGate(state)
      if (status === 'mediator-allocated')
        return 'Start preparation first: the mediator contacts every party before the meeting.'
      if (status === 'willingness') return 'Allocate a mediator first.'
      return `A meeting can only be arranged before it is held: ${at(state)}.`

    case 'cancel-meeting':
      if (status === 'meeting-arranged') return undefined
      return `There is no meeting arranged to cancel: ${at(state)}.`

    case 'hold-meeting':
      if (status === 'meeting-arranged') return meetingGate(state, 'held')
      if (status === 'meeting-held') return 'The meeting has already been recorded as held.'
      return `Arrange the meeting first: ${at(state)}.`

    case 'conclude':
      if (status === 'meeting-held') return undefined
      if (state.outcome !== undefined) return 'The outcome has already been recorded.'
      return `Record that the meeting was held first: ${at(state)}.`

    case 'issue-certificate':
      if (!isSen(state)) {
        return state.route === undefined
          ? 'A certificate is only issued in SEN mediation, and the scope has not been decided as SEN mediation.'
          : 'A certificate is only issued in SEN mediation: disagreement resolution never affects the right to appeal.'
      }
      if (state.certificateIssued !== undefined) {
        return `A certificate has already been issued for this case (after ${certificateLabels[state.certificateIssued]}): a case has only one.`
      }
      if (state.certificateDue === undefined) {
        return 'No certificate is due yet. One is due when the parent or young person declines mediation or withdraws after choosing it, when mediation ends, or when it cannot be arranged within 30 days.'
      }
      return undefined

    case 'cannot-arrange':
      if (isDr(state)) {
        return 'Only SEN mediation must be arranged within 30 days, with a certificate if it cannot be: if disagreement resolution cannot go ahead, withdraw the case with a reason.'
      }
      if (!isSen(state)) return decideScopeFirst
      if (WILLINGNESS_WINDOW.includes(status)) return undefined
      if (status === 'scope-decided') return chooseFirst
      return `This applies only between the choice to mediate and the meeting: ${at(state)}.`

    case 'start-follow-up': {
      if (status === 'follow-up') return 'Follow-up has already started.'
      const concluded =
        OUTCOME_STATUSES.includes(status) || (status === 'certificate-issued' && state.outcome !== undefined)
      if (!concluded) return `Follow-up is for an agreement reached at the meeting: ${at(state)}.`
      if (state.outcome === 'none') return 'There is no agreement to follow up: close the case when everything is done.'
      if (state.certificateDue !== undefined)
        return 'Issue the mediation certificate first: it is due within 3 working days of the mediation ending.'
      return undefined
    }

    case 'close': {
      if (state.certificateDue !== undefined) {
        return `Issue the certificate first (it follows ${certificateLabels[state.certificateDue]}): the parent or young person needs it to appeal to the SEND Tribunal.`
      }
      const closable: readonly CaseStatus[] = [
        'signposted',
        'certificate-issued',
        'follow-up',
        'withdrawn',
        'could-not-proceed',
        ...OUTCOME_STATUSES,
      ]
      if (closable.includes(status)) return undefined
      return `The case is still in progress (${statusLabels[status]}): withdraw it, with a reason, instead of closing it.`
    }

    case 'withdraw':
      if (IN_PROGRESS.includes(status)) return undefined
      if (status === 'signposted') return 'The enquiry was signposted to another service: close the case instead.'
      return `There is nothing left to withdraw from: ${at(state)}. Close the case instead${state.certificateDue ? ', once the certificate is issued' : ''}.`

    case 'reopen':
      if (status === 'withdrawn' || status === 'closed' || status === 'could-not-proceed') {
        return reopenTarget(state) === undefined
          ? 'The case cannot be reopened: its history does not say where it was before.'
          : undefined
      }
      return 'Only a withdrawn or closed case, or one that could not go ahead, can be reopened.'
  }
}

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

// --- Checking the action's details ---

const isBlank = (value: unknown) => typeof value !== 'string' || value.trim() === ''
const oneOf = <T extends string>(values: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (values as readonly string[]).includes(value)

function refusalForDetails(state: CaseState, action: Action): string | undefined {
  switch (action.type) {
    case 'decide-scope':
      if (!oneOf(SCOPES, action.scope))
        return 'Choose a scope: SEN mediation, disagreement resolution, both, or out of scope.'
      if (isBlank(action.reason)) return 'Give a reason for the scope decision.'
      return undefined

    case 'invite-party':
    case 'chase-party':
    case 'record-willingness': {
      if (!isPartyKind(action.party))
        return 'Choose which party: the council, a school or college, a health body or social care.'
      const name = partyNames[action.party]
      const party = state.parties[action.party]
      if (!isValidIsoDate(action.on)) return `Give the date for ${name} as a real date (YYYY-MM-DD).`
      if (action.type === 'invite-party') {
        if (!isContactMethod(action.how)) return `Say how ${name} was invited: by email, phone, text or letter.`
        if (party) return `${capitalise(name)} was already invited, on ${party.invited.on}: record a chaser instead.`
        return undefined
      }
      if (!party) return `${capitalise(name)} has not been invited yet: record the invitation first.`
      if (compare(action.on, party.invited.on) < 0)
        return `That date is before ${name} was invited (${party.invited.on}).`
      if (action.type === 'chase-party') {
        if (party.answered) return `${capitalise(name)} has already answered: there is nothing to chase.`
        return undefined
      }
      if (!isWillingnessAnswer(action.answer)) return `Say whether ${name} is willing, not willing, or did not answer.`
      if (action.answer === 'unwilling' && isSen(state) && mustTakePartInSenMediation(action.party)) {
        return `${capitalise(name)} cannot refuse SEN mediation: the law requires it to take part. If mediation cannot be arranged within 30 days, record that instead, so the certificate can be issued.`
      }
      if (action.answer === 'unwilling' && isBlank(action.reason))
        return `Give the reason ${name} gave for not taking part.`
      return undefined
    }

    case 'allocate-mediator':
      if (isBlank(action.mediator)) return 'Say which mediator is allocated.'
      if (action.mediator === state.mediator) return `${action.mediator} is already the mediator.`
      return undefined

    case 'arrange-meeting':
      if (!isValidIsoDate(action.meetingDate)) return 'Give the meeting date as a real date (YYYY-MM-DD).'
      return undefined

    case 'cancel-meeting':
      if (isBlank(action.reason)) return 'Say why the meeting is cancelled.'
      return undefined

    case 'conclude':
      if (!oneOf(OUTCOMES, action.outcome))
        return 'Say how the mediation ended: agreement, partial agreement, or no agreement.'
      return undefined

    case 'issue-certificate': {
      if (!oneOf(CERTIFICATE_KINDS, action.kind)) return 'Say which certificate is being issued.'
      const due = state.certificateDue
      if (due !== undefined && action.kind !== due) {
        return `The certificate due is the one after ${certificateLabels[due]}, not after ${certificateLabels[action.kind]}.`
      }
      return undefined
    }

    case 'withdraw':
      if (!oneOf(WITHDRAWN_BY, action.by))
        return 'Say who is withdrawing: the parent, the young person, another party, or the service.'
      if (isBlank(action.reason)) return 'Give a reason for withdrawing the case.'
      if (action.by === 'other-party' && isSen(state)) {
        return 'In SEN mediation another party cannot withdraw the case: the council and health body must take part, and a school, college or social care that will not attend is recorded as their answer instead.'
      }
      return undefined

    case 'reopen':
      if (isBlank(action.reason)) return 'Give a reason for reopening the case.'
      return undefined

    default:
      return undefined
  }
}

// --- Building the event ---

/** Copies only defined values, so the data survives a round trip through JSON unchanged. */
function defined(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined))
}

/** Optional free text: trimmed, and left out when blank or not text (actions may come straight from a form). */
const trimmed = (text: unknown) => (typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined)

function eventFor(state: CaseState, action: Action): WorkflowEvent {
  switch (action.type) {
    case 'decide-scope':
      return { type: 'scope-decided', data: { scope: action.scope, reason: action.reason.trim() } }
    case 'choose-mediation':
      // clocks.ts reads healthInIssue and healthOnly (health-only mediation runs from the ICB being told).
      return {
        type: 'mediation-requested',
        data: {
          healthInIssue: action.healthInIssue === true || action.healthOnly === true,
          healthOnly: action.healthOnly === true,
        },
      }
    case 'decline-mediation':
      return { type: 'mediation-declined', data: {} }
    case 'start-willingness':
      return { type: 'willingness-started', data: {} }
    case 'invite-party':
      return { type: 'party-invited', data: { party: action.party, on: action.on, how: action.how } }
    case 'chase-party':
      return { type: 'party-chased', data: { party: action.party, on: action.on } }
    case 'record-willingness':
      return {
        type: 'willingness-recorded',
        data: defined({ party: action.party, on: action.on, answer: action.answer, reason: trimmed(action.reason) }),
      }
    case 'allocate-mediator':
      return {
        type: 'mediator-allocated',
        data: defined({
          mediator: action.mediator.trim(),
          mediatorId: trimmed(action.mediatorId),
          replaces: state.mediator,
        }),
      }
    case 'start-preparation':
      return { type: 'preparation-started', data: {} }
    case 'arrange-meeting':
      return {
        type: 'meeting-scheduled',
        data: defined({
          meetingDate: action.meetingDate,
          shorterNoticeAgreed: action.shorterNoticeAgreed === true,
          venue: trimmed(action.venue),
          route: state.route,
          rescheduled: state.meetingDate !== undefined ? true : undefined,
        }),
      }
    case 'cancel-meeting':
      return {
        type: 'meeting-cancelled',
        data: defined({ meetingDate: state.meetingDate, place: trimmed(action.place), reason: action.reason.trim() }),
      }
    case 'hold-meeting':
      return { type: 'meeting-held', data: {} }
    case 'conclude':
      return { type: 'mediation-concluded', data: defined({ outcome: action.outcome, route: state.route }) }
    case 'issue-certificate':
      return { type: 'certificate-issued', data: { kind: action.kind } }
    case 'cannot-arrange':
      return { type: 'cannot-arrange', data: defined({ reason: trimmed(action.reason) }) }
    case 'start-follow-up':
      return { type: 'follow-up-started', data: {} }
    case 'close':
      return { type: 'closed', data: defined({ from: state.status, note: trimmed(action.note) }) }
    case 'withdraw':
      return {
        type: 'withdrawn',
        data: defined({
          by: action.by,
          reason: action.reason.trim(),
          from: state.status,
          route: state.route,
          // The change-of-mind certificate: SEN mediation, the parent or young person, after choosing to mediate.
          certificateDue: changeOfMindCertificateDue(state, action.by),
        }),
      }
    case 'reopen':
      return {
        type: 'reopened',
        data: defined({ reason: action.reason.trim(), from: state.status, to: reopenTarget(state) }),
      }
  }
}

function changeOfMindCertificateDue(state: CaseState, by: WithdrawnBy): boolean {
  return (
    isSen(state) &&
    state.mediationRequested === true &&
    state.certificateIssued === undefined &&
    (by === 'parent' || by === 'young-person')
  )
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

// --- Applying events ---

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)

function withoutKeys(state: CaseState, ...keys: (keyof CaseState)[]): CaseState {
  const copy = { ...state }
  for (const key of keys) delete copy[key]
  return copy
}

function setParty(state: CaseState, kind: PartyKind, party: PartyWillingness): CaseState {
  return { ...state, parties: { ...state.parties, [kind]: party } }
}

/**
 * The state after one event. Total: an event of another type, or one whose data does not make
 * sense for the state, leaves the state as it was. It does not check the rules: stored events are
 * the record, even if the rules have changed since they were written.
 */
export function evolve(state: CaseState, event: StoredEvent): CaseState {
  const data = event.data ?? {}
  switch (event.type) {
    case 'scope-decided': {
      if (!oneOf(SCOPES, data.scope)) return state
      // As features/cases/scope-decision.ts does: a case past triage keeps its status (and its route).
      if (!TRIAGE_STATUSES.includes(state.status)) return { ...state, scope: data.scope }
      const route = routeForScope(data.scope)
      const next: CaseState = {
        ...withoutKeys(state, 'route'),
        scope: data.scope,
        status: route ? 'scope-decided' : 'signposted',
      }
      return route ? { ...next, route } : next
    }
    case 'mediation-requested':
      return { ...state, mediationRequested: true, status: 'willingness' }
    case 'mediation-declined':
      return dueCertificate({ ...state, status: 'declined' }, 'declined')
    case 'willingness-started':
      return { ...state, status: 'willingness' }
    case 'party-invited': {
      if (!isPartyKind(data.party) || !isValidIsoDate(data.on) || !isContactMethod(data.how)) return state
      return setParty(state, data.party, { invited: { on: data.on, how: data.how } })
    }
    case 'party-chased': {
      const party = isPartyKind(data.party) ? state.parties[data.party] : undefined
      if (!isPartyKind(data.party) || !party || !isValidIsoDate(data.on)) return state
      return setParty(state, data.party, { ...party, chased: { on: data.on, count: (party.chased?.count ?? 0) + 1 } })
    }
    case 'willingness-recorded': {
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
    }
    case 'mediator-allocated': {
      const mediator = str(data.mediator)
      if (mediator === undefined) return state
      return { ...state, mediator, status: state.status === 'willingness' ? 'mediator-allocated' : state.status }
    }
    case 'preparation-started':
      return { ...state, status: 'preparation' }
    case 'meeting-scheduled':
      if (!isValidIsoDate(data.meetingDate)) return state
      return { ...state, meetingDate: data.meetingDate, status: 'meeting-arranged' }
    case 'meeting-cancelled':
      // Back to preparing: a new date is arranged as before.
      return state.status === 'meeting-arranged'
        ? { ...withoutKeys(state, 'meetingDate'), status: 'preparation' }
        : state
    case 'meeting-held':
      return { ...state, status: 'meeting-held' }
    case 'mediation-concluded': {
      if (!oneOf(OUTCOMES, data.outcome)) return state
      const next: CaseState = { ...state, outcome: data.outcome, status: OUTCOME_STATUS[data.outcome] }
      return isSen(state) ? dueCertificate(next, 'after-mediation') : next
    }
    case 'certificate-issued': {
      if (!isSen(state) || !oneOf(CERTIFICATE_KINDS, data.kind)) return state
      const next = withoutKeys(state, 'certificateDue')
      // A withdrawn case stays withdrawn (so it can be reopened); elsewhere the certificate is the next step.
      return {
        ...next,
        certificateIssued: data.kind,
        status: state.status === 'withdrawn' ? 'withdrawn' : 'certificate-issued',
      }
    }
    case 'cannot-arrange':
      return dueCertificate({ ...state, status: 'cannot-arrange' }, 'cannot-arrange')
    case 'follow-up-started':
      return { ...state, status: 'follow-up' }
    case 'closed':
      return { ...state, statusBeforeClosing: state.status, status: 'closed' }
    case 'withdrawn': {
      const by = oneOf(WITHDRAWN_BY, data.by) ? data.by : 'service'
      const next: CaseState = {
        ...state,
        statusBeforeWithdrawal: state.status,
        status: 'withdrawn',
        withdrawal: { by, reason: str(data.reason) ?? '' },
      }
      return data.certificateDue === true ? dueCertificate(next, 'change-of-mind') : next
    }
    case 'reopened': {
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
    }
    default:
      return state
  }
}

/** SEN mediation only, and only one certificate per case. */
function dueCertificate(state: CaseState, kind: CertificateKind): CaseState {
  if (!isSen(state) || state.certificateIssued !== undefined) return state
  return { ...state, certificateDue: kind }
}

// --- The public operations ---

/** Why an action of this type is refused in this state, whatever its details; undefined if it may be possible. */
export function refusalReason(state: CaseState, type: ActionType): string | undefined {
  return refusalForState(state, type)
}

/**
 * Checks the action against the state. Refused: the reason, in plain English. Allowed: the event
 * to append to case_events and the state after it.
 */
export function transition(state: CaseState, action: Action): TransitionResult {
  if (!oneOf(ACTION_TYPES, action.type))
    return { ok: false, reason: 'That is not something that can be done to a case.' }
  const reason = refusalForState(state, action.type) ?? refusalForDetails(state, action)
  if (reason !== undefined) return { ok: false, reason }
  const event = eventFor(state, action)
  return { ok: true, state: evolve(state, event), event }
}

/** The actions to offer as buttons: those not refused outright in this state (details are checked on submit). */
export function availableActions(state: CaseState): ActionType[] {
  return ACTION_TYPES.filter((type) => refusalForState(state, type) === undefined)
}

/** Folds stored events, oldest first, into the current state. Events of other types are skipped. */
export function stateFromEvents(events: Iterable<StoredEvent>, from: CaseState = initialState): CaseState {
  let state = from
  for (const event of events) state = evolve(state, event)
  return state
}

/** Another name for stateFromEvents. */
export const replay = stateFromEvents

/** For a party row on the case page: which willingness actions make sense for that party now. */
export function partyActions(
  state: CaseState,
  party: PartyKind,
): ('invite-party' | 'chase-party' | 'record-willingness')[] {
  if (refusalForState(state, 'invite-party') !== undefined) return []
  const willingness = state.parties[party]
  if (!willingness) return ['invite-party']
  return willingness.answered ? ['record-willingness'] : ['chase-party', 'record-willingness']
}
