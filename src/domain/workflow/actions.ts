// What staff can do to a case. Each action's rules (when it is refused, the event it makes, how
// that event changes the state) are one entry of the table in table.ts.
import type { AppealSubject } from '../appeal-subject.ts'
import type { IsoDate } from '../dates.ts'
import type { ContactMethod } from '../request.ts'
import type { PartyKind, WillingnessAnswer } from '../willingness.ts'
import type { CertificateKind, Outcome, Scope, WithdrawnBy } from './case-state.ts'

export type Action =
  | {
      type: 'decide-scope'
      scope: Scope
      reason: string
      /** SEN mediation: the decisions and plan sections the appeal is about. */
      appealSubject?: AppealSubject
    }
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
