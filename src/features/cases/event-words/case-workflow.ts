// The words for the events of the case's own workflow: the request, its scope, the choice to
// mediate, asking the other parties, the meeting, the certificate, closing, and who looks after it.
import { appealSubjectOf, placementOnly, placementOnlyNote, planSections } from '../../../domain/appeal-subject.ts'
import { contactMethods, ehcDecisions, requesterRoles } from '../../../domain/request.ts'
import { answerLabels } from '../../../domain/willingness.ts'
import { certificateLabels, statusLabels } from '../../../domain/workflow.ts'
import { channelLabel, labelOf, scopeLabel } from '../labels.ts'
import { day, joinLines, party, str, yesNo, type Describers } from './text.ts'

/** "Email: a@b.example (before: none). Phone: 01632 960 001" from a contact change's before and after. */
function contactChange(before: unknown, after: unknown): string {
  const was = (before ?? {}) as Record<string, unknown>
  const now = (after ?? {}) as Record<string, unknown>
  const part = (label: string, key: string) =>
    now[key] || was[key] ? `${label}: ${str(now[key]) || 'none'} (before: ${str(was[key]) || 'none'})` : ''
  return joinLines(part('Email', 'email'), part('Phone', 'phone'))
}

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

export const workflowEvents: Describers = {
  'enquiry-received': (data) => {
    const lines = [
      data.channel ? `Received: ${channelLabel(str(data.channel)).toLowerCase()}` : '',
      data.requesterRole ? `Asked by: ${labelOf(requesterRoles, str(data.requesterRole))}` : '',
      data.localAuthority ? `Council: ${str(data.localAuthority)}` : 'Council: not known from the postcode',
      data.outsideCouncilAreas
        ? 'They live in none of the areas of the councils we work for: the service may not be free for them'
        : '',
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
    const subject = appealSubjectOf(data.appealSubject)
    const about = subject
      ? [...subject.decisions.map((d) => labelOf(ehcDecisions, d)), ...subject.sections.map((s) => planSections[s])]
      : []
    const lines = [
      data.agencyName ? `Signposted to: ${str(data.agencyName)}` : '',
      data.reason ? `Reason: ${str(data.reason)}` : '',
      about.length ? `The appeal is about: ${about.join('; ')}` : '',
      placementOnly(subject) ? placementOnlyNote : '',
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
  'appeal-made': () => ({ title: 'An appeal was made to the SEND Tribunal', description: '' }),
  'council-told-of-agreement': () => ({
    title: 'The health body told the council about the agreement',
    description: 'The council was not a party to the agreement (SEND Regulations 2014, reg 42).',
  }),
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
  anonymised: (data) => ({
    title: 'Personal details were removed',
    description:
      data.why === 'erasure'
        ? 'An erasure request was carried out: names, contact details and what people wrote are gone. The dates and outcomes are kept for the figures.'
        : 'The case reached the end of the time it is kept for: names, contact details and what people wrote are gone. The dates and outcomes are kept for the figures.',
  }),
  assigned: (data) => ({
    title: `Assigned to ${str(data.toName) || 'a coordinator'}`,
    description: data.fromName ? `Before: ${str(data.fromName)}` : '',
  }),
  'council-contact-set': (data) => ({
    title: `The SEN team contact details of ${str(data.party) || 'the council'} were recorded`,
    description: contactChange(data.before, data.after),
  }),
  'update-sent': (data) => ({
    title: `Update given to ${str(data.partyName) || 'a party'}`,
    description: joinLines(data.channel ? `By ${str(data.channel)}` : '', str(data.note)),
  }),
}
