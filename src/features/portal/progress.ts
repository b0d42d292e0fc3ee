// Where a case is, in words a parent, a young person or a council officer can read: what has
// happened, what happens next, and the dates that matter to them. Pure: no I/O, no clock.
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

const family = (role: string) => role === 'parent' || role === 'young-person'
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
  'certificate-issued': 'The mediation certificate has been sent',
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
function describe(event: PortalEvent, input: ProgressInput): Omit<Happened, 'date'> | undefined {
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
    case 'certificate-issued':
      return { title: 'The mediation certificate was sent' }
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

/** What happens next, for this party, at this stage. */
function nextSteps(input: ProgressInput): NextStep[] {
  const you = family(input.party.role)
  const steps: NextStep[] = []
  const deadline = (name: string) =>
    input.deadlines.find((d) => d.name === name && (d.status === 'open' || d.status === 'overdue'))
  const update = input.deadlines.find((d) => d.name === `update:${input.party.id}`)
  const meetingBy = deadline('mediation-held')
  const certificate = deadline('certificate')
  switch (input.status) {
    case 'enquiry':
    case 'scope-decided':
      steps.push({
        title: 'We will talk to you about your request',
        text: you
          ? 'We will explain the choices and help you decide if mediation is right for you.'
          : 'We will tell you what the family has asked for and how you can help.',
      })
      break
    case 'willingness':
      steps.push({
        title: 'We are asking everyone if they will take part',
        text: 'When everyone has answered, we will choose a mediator.',
      })
      break
    case 'mediator-allocated':
    case 'preparation':
      steps.push({
        title: 'Your mediator will talk to you before the meeting',
        text: 'They will help you think about what you want to talk about.',
      })
      steps.push({
        title: 'Tell us when you can come to a meeting',
        text: 'We will find a day that suits everyone.',
        date: meetingBy?.dueDate,
      })
      break
    case 'meeting-arranged':
      if (input.meeting)
        steps.push({
          title: 'Come to the meeting',
          text: `${input.meeting.place}, from ${clockTime(input.meeting.startTime)} to ${clockTime(input.meeting.endTime)}.`,
          date: input.meeting.day,
          on: true,
        })
      break
    case 'meeting-held':
    case 'agreement':
    case 'partial-agreement':
      steps.push({
        title: 'The agreement will be written down',
        text: 'Everyone gets a copy. You can read it and download it here.',
      })
      break
    case 'follow-up':
      steps.push({
        title: 'We will check the agreement is kept',
        text: 'We will ask everyone how things are going when each part is due.',
      })
      break
    case 'signposted':
    case 'declined':
    case 'could-not-proceed':
    case 'withdrawn':
    case 'closed':
      steps.push({
        title: 'Nothing more is planned on this case',
        text: 'If you need help, contact us. Our details are at the bottom of this page.',
      })
      break
  }
  const preparing = ['mediator-allocated', 'preparation', 'meeting-arranged'].includes(input.status)
  if (preparing && input.party.role !== 'referrer' && !input.hasSummary && !input.summariesReleased) {
    steps.push({
      title: 'Send your summary before the meeting',
      text: 'Say what matters to you, in your own words. Everyone’s summaries are shared on the same day.',
      date: input.summariesReleaseOn ?? undefined,
    })
  }
  if (certificate && (you || input.party.role === 'referrer')) {
    steps.push({
      title: 'You will get a mediation certificate',
      text: 'You need it if you decide to appeal to the SEND Tribunal.',
      date: certificate.dueDate,
    })
  }
  if (update && !['signposted', 'declined', 'could-not-proceed', 'withdrawn', 'closed'].includes(input.status)) {
    steps.push({
      title: 'We will give you an update',
      text: 'We will be in touch by this date, even if the news is that we are still waiting.',
      date: update.dueDate,
    })
  }
  return steps
}

const appealBasis: Record<string, string> = {
  'decision-letter-sent': "We worked this out from the date of the council's decision letter",
  'certificate-issued': 'We worked this out from the date of the mediation certificate',
}

/** The dates that matter to this party. The appeal deadline is only for the family (and those acting for them). */
function keyDates(input: ProgressInput): KeyDate[] {
  const dates: KeyDate[] = []
  if (input.meeting) {
    dates.push({
      label: 'The meeting',
      date: input.meeting.day,
      text: `${input.meeting.place}, from ${clockTime(input.meeting.startTime)} to ${clockTime(input.meeting.endTime)}.`,
    })
  }
  if (input.summariesReleaseOn && !input.summariesReleased) {
    dates.push({
      label: 'Summaries are shared',
      date: input.summariesReleaseOn,
      text: 'Send your summary before this day. Everyone can read all the summaries from then.',
    })
  }
  const appeal = input.deadlines.find((d) => d.name === 'appeal')
  if (
    appeal &&
    input.route !== 'disagreement-resolution' &&
    (family(input.party.role) || input.party.role === 'referrer')
  ) {
    const basis = appealBasis[appeal.startedBy.type] ?? 'We worked this out from the dates on the case'
    dates.push({
      label: 'Last day to appeal to the SEND Tribunal',
      date: appeal.dueDate,
      text: `${basis}: ${formatLongDate(appeal.startedBy.date)}. Taking part in mediation does not take away your right to appeal. If you are not sure what to do, ask us or your local SENDIASS.`,
    })
  }
  return dates
}

export function portalProgress(input: ProgressInput): Progress {
  const found: (Happened & { at: number })[] = []
  input.events.forEach((event, at) => {
    const described = describe(event, input)
    if (described) found.push({ date: event.occurredOn, ...described, at })
  })
  // Newest first, as people read a history of their own case; same-day events latest first.
  const happened = found.sort((a, b) => b.date.localeCompare(a.date) || b.at - a.at).map(({ at: _at, ...rest }) => rest)
  return {
    stage: stages[input.status] ?? 'We are working on your case',
    happened,
    next: nextSteps(input),
    dates: keyDates(input),
  }
}
