// What a case is: its routes, scope, statuses, certificates and outcomes, and the state the
// workflow folds its events into.
import type { IsoDate } from '../dates.ts'
import type { Parties } from '../willingness.ts'

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

export const WITHDRAWN_BY = ['parent', 'young-person', 'other-party', 'service'] as const
export type WithdrawnBy = (typeof WITHDRAWN_BY)[number]

// --- State ---

export interface CaseState {
  status: CaseStatus
  scope?: Scope
  route?: Route
  /** SEN mediation: the parent or young person chose to mediate. */
  mediationRequested?: true
  /** The appeal is only about the school or placement named (section I): no certificate is needed. */
  placementOnly?: true
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
  /** Its personal details were removed (retention or erasure): nothing more can be done to it. */
  anonymised?: true
}

export const initialState: CaseState = { status: 'enquiry', parties: {} }
