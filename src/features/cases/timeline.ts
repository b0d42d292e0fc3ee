// What each case event means to a person reading the timeline. Pure: no I/O, no clock.
import { formatLongDate, isValidIsoDate } from '../../domain/dates.ts'
import { contactMethods, ehcDecisions, requesterRoles } from '../../domain/request.ts'
import { answerLabels, partyNames } from '../../domain/willingness.ts'
import { certificateLabels, statusLabels } from '../../domain/workflow.ts'
import { channelLabel, labelOf, scopeLabel } from './labels.ts'

export interface EventSummary {
  title: string
  /** Plain text; may hold line breaks, shown as written. */
  description: string
}

type Data = Record<string, unknown>

const str = (value: unknown): string => (typeof value === 'string' ? value : '')
const yesNo = (value: unknown): string => (value === true ? 'yes' : 'no')
const day = (value: unknown): string => (isValidIsoDate(value) ? formatLongDate(value) : '')
const joinLines = (...parts: string[]) => parts.filter(Boolean).join('\n')
const party = (data: Data) => labelOf(partyNames, str(data.party)) || 'a party'
const outcomes: Record<string, string> = {
  agreement: 'Agreement reached',
  partial: 'Partial agreement reached',
  none: 'No agreement reached',
}
const withdrawnBy: Record<string, string> = {
  parent: 'the parent or carer',
  'young-person': 'the young person',
  'other-party': 'another party',
  service: 'the service',
}

const describers: Record<string, (data: Data) => EventSummary> = {
  'enquiry-received': (data) => {
    const lines = [
      data.channel ? `Received: ${channelLabel(str(data.channel)).toLowerCase()}` : '',
      data.requesterRole ? `Asked by: ${labelOf(requesterRoles, str(data.requesterRole))}` : '',
      data.localAuthority ? `Council: ${str(data.localAuthority)}` : 'Council: not known from the postcode',
    ]
    return { title: 'Request for help received', description: lines.filter(Boolean).join('\n') }
  },
  'first-contact-recorded': (data) => {
    const lines = [
      data.reasonForContact ? `Reason for contact: ${str(data.reasonForContact)}` : '',
      `Difference between the services explained: ${yesNo(data.differenceExplained)}`,
      `Understanding checked: ${yesNo(data.understandingChecked)}`,
      `Contact preferences and adjustments asked: ${yesNo(data.preferencesAsked)}`,
      data.signposting ? `Signposting: ${str(data.signposting)}` : '',
    ]
    return { title: 'First contact recorded', description: lines.filter(Boolean).join('\n') }
  },
  'scope-decided': (data) => {
    const scope = str(data.scope)
    const lines = [
      data.agencyName ? `Signposted to: ${str(data.agencyName)}` : '',
      data.reason ? `Reason: ${str(data.reason)}` : '',
    ]
    return {
      title: `Scope decided: ${scopeLabel(scope) || 'not recorded'}`,
      description: lines.filter(Boolean).join('\n'),
    }
  },
  'decision-letter-sent': (data) => ({
    title: "The council's decision letter was sent",
    description: data.kind ? `Decision: ${labelOf(ehcDecisions, str(data.kind))}` : '',
  }),
  'adviser-contacted': () => ({
    title: 'The mediation adviser was contacted',
    description: 'This meets the 2-month time limit for contacting the adviser.',
  }),
  'health-body-notified': () => ({ title: 'The health body was told', description: '' }),
  'meeting-notice-sent': () => ({ title: 'The date and place of the meeting were sent to everyone', description: '' }),
  'mediation-requested': (data) => ({
    title: 'The parent or young person chose mediation',
    description:
      data.healthOnly === true
        ? 'Only about health.'
        : data.healthInIssue === true
          ? 'Health is in issue: the health body must be told.'
          : '',
  }),
  'mediation-declined': () => ({
    title: 'Mediation declined',
    description: 'A certificate is due within 3 working days.',
  }),
  'willingness-started': () => ({ title: 'Started asking the other parties to take part', description: '' }),
  'party-invited': (data) => ({
    title: `Invited ${party(data)} to take part`,
    description: data.how ? `By ${labelOf(contactMethods, str(data.how)).toLowerCase()}` : '',
  }),
  'party-chased': (data) => ({ title: `Chased ${party(data)}`, description: '' }),
  'willingness-recorded': (data) => ({
    title: `${party(data).charAt(0).toUpperCase()}${party(data).slice(1)}: ${labelOf(answerLabels, str(data.answer)).toLowerCase()}`,
    description: data.reason ? `Reason: ${str(data.reason)}` : '',
  }),
  'mediator-allocated': (data) => ({
    title: `Mediator allocated: ${str(data.mediator)}`,
    description: data.replaces ? `In place of ${str(data.replaces)}` : '',
  }),
  'preparation-started': () => ({ title: 'The mediator started preparing with each party', description: '' }),
  'meeting-scheduled': (data) => ({
    title: `Meeting arranged for ${day(data.meetingDate)}`,
    description: joinLines(
      data.venue ? `Where: ${str(data.venue)}` : '',
      data.shorterNoticeAgreed === true ? 'The parent or young person agreed to shorter notice.' : '',
      data.rescheduled === true ? 'This replaces the earlier date.' : '',
    ),
  }),
  'meeting-held': () => ({ title: 'The meeting was held', description: '' }),
  'mediation-concluded': (data) => ({
    title: outcomes[str(data.outcome)] ?? 'The mediation has ended',
    description: '',
  }),
  'certificate-issued': (data) => ({
    title: `Mediation certificate issued: ${labelOf(certificateLabels, str(data.kind)).toLowerCase()}`,
    description: '',
  }),
  'cannot-arrange': (data) => ({
    title: 'Mediation cannot be arranged within 30 days',
    description: data.reason ? `Reason: ${str(data.reason)}` : '',
  }),
  'follow-up-started': () => ({ title: 'Started following up the agreement', description: '' }),
  closed: (data) => ({ title: 'The case was closed', description: data.note ? str(data.note) : '' }),
  withdrawn: (data) => ({
    title: `Withdrawn by ${withdrawnBy[str(data.by)] ?? 'someone'}`,
    description: joinLines(
      data.reason ? `Reason: ${str(data.reason)}` : '',
      data.certificateDue === true ? 'A change-of-mind certificate is due within 3 working days.' : '',
    ),
  }),
  reopened: (data) => ({
    title: 'The case was reopened',
    description: joinLines(
      data.reason ? `Reason: ${str(data.reason)}` : '',
      data.to ? `Back to: ${labelOf(statusLabels, str(data.to))}` : '',
    ),
  }),
  assigned: (data) => ({
    title: `Assigned to ${str(data.toName) || 'a coordinator'}`,
    description: data.fromName ? `Before: ${str(data.fromName)}` : '',
  }),
  'mediator-objection': (data) => ({
    title: `${str(data.partyName) || 'A party'} objected to ${str(data.mediator) || 'the mediator'}`,
    description: data.reason ? `Reason: ${str(data.reason)}` : '',
  }),
  'mediator-objection-upheld': (data) => ({
    title: `Objection to ${str(data.mediator) || 'the mediator'} upheld: a new mediator is needed`,
    description: data.reason ? `Reason: ${str(data.reason)}` : '',
  }),
  'mediator-objection-dismissed': (data) => ({
    title: `Objection to ${str(data.mediator) || 'the mediator'} not upheld`,
    description: data.reason ? `Reason: ${str(data.reason)}` : '',
  }),
  'party-contacted': (data) => ({
    title: `The mediator contacted ${str(data.party) || 'a party'}`,
    description: data.method ? `By ${str(data.method)}` : '',
  }),
  'issue-added': (data) => ({
    title: `An issue was added for ${str(data.party) || 'a party'}`,
    description: data.area ? `Area: ${str(data.area)}` : '',
  }),
  'issue-moved': () => ({ title: 'The order of the agenda was changed', description: '' }),
  'issues-merged': () => ({ title: 'Two issues were merged on the agenda', description: '' }),
  'health-issue-raised': (data) => ({
    title: 'A health issue was raised',
    description: data.healthBodyIsParty === true ? '' : 'The health body is not a party yet: it must be brought in.',
  }),
  'child-views-recorded': () => ({ title: "The child's or young person's views were recorded", description: '' }),
  'attendee-added': (data) => ({
    title: `${str(data.name) || 'Someone'} will attend for ${str(data.party) || 'a party'}`,
    description: joinLines(str(data.role), data.hasAuthorityToAgree === true ? 'Has authority to agree.' : ''),
  }),
  'summary-submitted': (data) => ({
    title: `A summary was received from ${str(data.party) || 'a party'}`,
    description: data.kind === 'document' ? 'As a document' : '',
  }),
  'summaries-released': () => ({ title: "The parties' summaries were released to everyone", description: '' }),
  'summaries-release-date-set': (data) => ({
    title: `Summaries will be released on ${day(data.releaseOn)}`,
    description: '',
  }),
  'letter-posted': (data) => ({
    title: `A letter to ${str(data.recipient) || 'a party'} was posted`,
    description: str(data.subject),
  }),
  'availability-recorded': (data) => ({
    title: `Availability recorded for ${str(data.party) || 'a party'}`,
    description: typeof data.days === 'number' ? `${data.days} ${data.days === 1 ? 'day' : 'days'} given` : '',
  }),
  'meeting-cancelled': (data) => ({
    title: `The meeting on ${day(data.meetingDate)} was cancelled`,
    description: joinLines(
      data.place ? `Where: ${str(data.place)}` : '',
      data.reason ? `Reason: ${str(data.reason)}` : '',
    ),
  }),
  // The parties' portal (features/portal): what a party did there, and their access.
  'portal-signed-in': (data) => ({
    title: `${(str(data.party) || 'A party').replace(/^./, (c) => c.toUpperCase())} signed in to the portal`,
    description: data.channel === 'text' ? 'With a code by text message' : 'With a link by email',
  }),
  'contact-preferences-changed': (data) => ({
    title: `${(str(data.party) || 'A party').replace(/^./, (c) => c.toUpperCase())} changed how to contact them or what helps them`,
    description: "Check the party's details before contacting them.",
  }),
  'attendee-removed': (data) => ({
    title: `${str(data.name) || 'Someone'} will no longer attend for ${str(data.party) || 'a party'}`,
    description: '',
  }),
  'availability-given': (data) => ({
    title: `${(str(data.party) || 'A party').replace(/^./, (c) => c.toUpperCase())} said when they can come to a meeting`,
    description: Array.isArray(data.days)
      ? `${data.days.length} ${data.days.length === 1 ? 'day' : 'days'} given in the portal`
      : '',
  }),
  'meeting-response': (data) => ({
    title: `${(str(data.party) || 'A party').replace(/^./, (c) => c.toUpperCase())} ${data.attending === true ? 'will come to the meeting' : 'cannot come to the meeting'}`,
    description: 'Answered in the portal',
  }),
  'feedback-received': (data) => ({
    title: `Feedback received from ${str(data.party) || 'a party'}`,
    description: "Read it on the case's portal page.",
  }),
  'complaint-received': (data) => ({
    title: `Complaint received from ${str(data.party) || 'a party'}`,
    description: "Read it on the case's portal page and follow the complaints procedure.",
  }),
  'permission-recorded': (data) => ({
    title: `Permission recorded for ${str(data.party) || 'a third party'} to act for the family`,
    description: data.givenBy ? `Given by ${str(data.givenBy)}` : '',
  }),
  'permission-withdrawn': (data) => ({
    title: `Permission for ${str(data.thirdParty) || 'a third party'} to act for the family was withdrawn`,
    description: 'Their access to the portal ended.',
  }),
  'update-sent': (data) => ({
    title: `Update given to ${str(data.partyName) || 'a party'}`,
    description: joinLines(data.channel ? `By ${str(data.channel)}` : '', str(data.note)),
  }),
  // The meeting record and the agreement (features/agreements).
  'meeting-recorded': (data) => ({
    title: 'The meeting was recorded',
    description: joinLines(
      typeof data.attended === 'number' ? `${data.attended} attended` : '',
      data.groundRulesAgreed === true ? 'Everyone agreed each ground rule.' : '',
      typeof data.privateSessions === 'number' && data.privateSessions > 0
        ? `Private sessions: ${data.privateSessions}`
        : '',
    ),
  }),
  'agreement-point-added': (data) => ({
    title: 'A point was added to the draft agreement',
    description: str(data.what),
  }),
  'agreement-point-changed': (data) => ({
    title: 'A point of the draft agreement was changed',
    description: str(data.what),
  }),
  'agreement-point-removed': (data) => ({
    title: 'A point was removed from the draft agreement',
    description: str(data.what),
  }),
  'agreement-points-reordered': () => ({
    title: 'The points of the draft agreement were put in a new order',
    description: '',
  }),
  'agreement-not-agreed-saved': (data) => ({
    title: 'What was not agreed was recorded',
    description: joinLines(
      typeof data.notAgreed === 'number'
        ? `${data.notAgreed} ${data.notAgreed === 1 ? 'issue' : 'issues'} not agreed`
        : '',
      data.checkInsAgreed === true ? 'Everyone agreed to check-ins.' : '',
    ),
  }),
  'agreement-accepted': (data) => ({
    title: `${str(data.party) || 'A party'} accepted the agreement`,
    description: data.how === 'portal' ? 'Online' : 'At the meeting',
  }),
  'agreement-finalised': (data) => ({
    title: 'The agreement was made final and a copy sent to every party',
    description: joinLines(
      Array.isArray(data.points) ? `${data.points.length} ${data.points.length === 1 ? 'point' : 'points'}` : '',
      data.acceptanceNote ? `Made final without every acceptance: ${str(data.acceptanceNote)}` : '',
    ),
  }),
  'agreement-check-in-sent': (data) => ({
    title: `Check-in sent: point ${typeof data.number === 'number' ? data.number : ''} of the agreement is due`.replace(
      'point  of',
      'a point of',
    ),
    description: str(data.what),
  }),
  'agreement-point-followed-up': (data) => ({
    title: `Point ${typeof data.number === 'number' ? `${data.number} ` : ''}of the agreement: ${({ kept: 'kept', late: 'kept late', 'not-kept': 'not kept' } as Record<string, string>)[str(data.outcome)] ?? 'followed up'}`,
    description: str(data.note),
  }),
  'case-outcome-recorded': (data) => ({
    title: 'The outcome of the case was recorded',
    description: joinLines(
      str(data.outcome).replace(/-/g, ' '),
      typeof data.pointsKept === 'number'
        ? `Points kept: ${data.pointsKept}; not kept: ${str(String(data.pointsNotKept ?? 0))}`
        : '',
    ),
  }),
}

/** A title and description for any event; an unknown type reads as its name, "mediator-allocated" -> "Mediator allocated". */
export function describeEvent(type: string, data: unknown): EventSummary {
  const safeData: Data = data && typeof data === 'object' && !Array.isArray(data) ? (data as Data) : {}
  const describe = describers[type]
  if (describe) return describe(safeData)
  const words = type.replace(/[-_]+/g, ' ').trim()
  return { title: words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Case updated', description: '' }
}
