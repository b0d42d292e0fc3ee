// The words for the events other areas record on a case: objections to a mediator, the
// mediator's preparation, meetings and letters, and what a party did in the portal.
import { day, joinLines, str, type Describers } from './text.ts'

export const preparationAndPortalEvents: Describers = {
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
}
