// What has happened on a case, in words a parent, a young person or a council officer can read:
// the stage it is at, and each event meant for parties in their own words. Pure: no I/O, no clock.
//
// Only the events listed here are ever shown, each in its own party-facing words: nothing a
// member of staff typed (reasons, notes) and nothing about another party's contact or summary.
import { formatLongDate, isValidIsoDate } from '../../domain/dates.ts'

export interface PortalEvent {
  type: string
  occurredOn: string
  data: Record<string, unknown>
}

export interface PortalDeadline {
  name: string
  /** What is due, in words (an agreement's points have one). */
  label?: string
  dueDate: string
  status: string
  startedBy: { type: string; date: string }
}

export interface PortalMeeting {
  day: string
  startTime: string
  endTime: string
  place: string
}

export interface ProgressInput {
  party: { id: string; role: string }
  status: string
  /** The route the case runs on: SEN mediation has certificates and appeal rights; DR does not. */
  route?: 'sen-mediation' | 'disagreement-resolution'
  events: readonly PortalEvent[]
  deadlines: readonly PortalDeadline[]
  meeting?: PortalMeeting
  summariesReleaseOn?: string | null
  summariesReleased: boolean
  hasSummary: boolean
  today: string
}

export interface Happened {
  date: string
  title: string
  text?: string
}

export interface NextStep {
  title: string
  text: string
  date?: string
  /** "On" the date (the meeting) or "By" it (the default). */
  on?: true
}

export interface KeyDate {
  label: string
  date: string
  /** How it was worked out, or what to do. */
  text: string
}

export interface Progress {
  stage: string
  happened: Happened[]
  next: NextStep[]
  dates: KeyDate[]
}

export const family = (role: string) => role === 'parent' || role === 'young-person'
const str = (value: unknown) => (typeof value === 'string' ? value : '')
const day = (value: unknown) => (isValidIsoDate(value) ? formatLongDate(value) : '')

/** "9am", "1:30pm" from "09:00", "13:30". */
export function clockTime(hhmm: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm)
  if (!match) return hhmm
  const hour = Number(match[1])
  const minute = match[2]!
  const twelve = hour % 12 === 0 ? 12 : hour % 12
  return `${twelve}${minute === '00' ? '' : `:${minute}`}${hour < 12 ? 'am' : 'pm'}`
}

/** The stage a case is at, in a few plain words. */
export const stages: Record<string, string> = {
  enquiry: 'We have your request and will be in touch',
  'scope-decided': 'We have looked at your request',
  signposted: 'We have suggested someone else who can help',
  declined: 'Mediation is not going ahead',
  willingness: 'We are asking everyone if they will take part',
  'mediator-allocated': 'A mediator has been chosen',
  preparation: 'Getting ready for the meeting',
  'meeting-arranged': 'The meeting has been arranged',
  'meeting-held': 'The meeting has taken place',
  agreement: 'An agreement was reached',
  'partial-agreement': 'An agreement was reached on some things',
  'no-agreement': 'No agreement was reached',
  'cannot-arrange': 'The meeting could not be arranged in time',
  'certificate-issued': 'The mediation certificate has been issued',
  'follow-up': 'Checking the agreement is kept',
  'could-not-proceed': 'The meeting cannot go ahead',
  withdrawn: 'The case has stopped',
  closed: 'The case is closed',
}

const outcomes: Record<string, string> = {
  agreement: 'An agreement was reached at the meeting',
  partial: 'An agreement was reached on some things at the meeting',
  none: 'No agreement was reached at the meeting',
}

/** What each kind of event means to a party, or undefined to leave it out. */
export function describe(event: PortalEvent, input: ProgressInput): Omit<Happened, 'date'> | undefined {
  const own = str(event.data.partyId) === input.party.id
  const you = family(input.party.role)
  switch (event.type) {
    case 'enquiry-received':
      return { title: 'We received the request for help' }
    case 'decision-letter-sent':
      return { title: "The council's decision letter was sent" }
    case 'scope-decided': {
      const scope = str(event.data.scope)
      if (scope === 'out-of-scope') return { title: 'We found that another service can help better' }
      const kind =
        scope === 'disagreement-resolution'
          ? 'disagreement resolution'
          : scope === 'both'
            ? 'SEN mediation and disagreement resolution'
            : 'SEN mediation'
      return { title: `We agreed the right kind of help: ${kind}` }
    }
    case 'mediation-requested':
      return { title: you ? 'You chose to try mediation' : 'The family chose to try mediation' }
    case 'mediation-declined':
      return { title: you ? 'You decided not to have mediation' : 'The family decided not to have mediation' }
    case 'willingness-started':
      return { title: 'We asked everyone involved if they will take part' }
    case 'mediator-allocated':
      return {
        title: 'A mediator was chosen for the case',
        text: str(event.data.mediator) ? `Your mediator is ${str(event.data.mediator)}.` : undefined,
      }
    case 'preparation-started':
      return { title: 'The mediator started talking to everyone before the meeting' }
    case 'meeting-scheduled':
      return {
        title: event.data.rescheduled === true ? 'The meeting was moved' : 'The meeting was arranged',
        text: day(event.data.meetingDate) ? `The meeting is on ${day(event.data.meetingDate)}.` : undefined,
      }
    case 'meeting-notice-sent':
      return { title: 'Everyone was sent the date and place of the meeting' }
    case 'summaries-released':
      return { title: "Everyone's summaries were shared" }
    case 'meeting-held':
      return { title: 'The meeting took place' }
    case 'mediation-concluded':
      return { title: outcomes[str(event.data.outcome)] ?? 'The mediation ended' }
    // Issuing sends nothing: the family finds it under their documents.
    case 'certificate-issued':
      return {
        title: 'The mediation certificate was issued',
        text: you ? 'You can download it from your documents.' : undefined,
      }
    case 'cannot-arrange':
      return { title: 'The meeting could not be arranged within 30 days' }
    case 'follow-up-started':
      return { title: 'We started checking the agreement is kept' }
    case 'closed':
      return { title: 'The case was closed' }
    case 'withdrawn':
      return { title: 'The case was stopped' }
    case 'reopened':
      return { title: 'The case was opened again' }
    // A party's own steps only: never another party's.
    case 'summary-submitted':
      return own ? { title: 'You sent your summary' } : undefined
    case 'availability-given':
      return own ? { title: 'You told us when you can come to a meeting' } : undefined
    case 'meeting-response':
      return own
        ? {
            title:
              event.data.attending === true
                ? 'You said you will come to the meeting'
                : 'You said you cannot come to the meeting',
          }
        : undefined
    case 'agreement-accepted':
      return own ? { title: 'You accepted the agreement' } : undefined
    case 'contact-preferences-changed':
      return own ? { title: 'You changed how we contact you' } : undefined
    default:
      return undefined
  }
}
