// Where a case is, for a party: what has happened (progress-history.ts), what happens next, and the
// dates that matter to them. Pure: no I/O, no clock.
import { formatLongDate } from '../../domain/dates.ts'
import {
  clockTime,
  describe,
  family,
  stages,
  type Happened,
  type KeyDate,
  type NextStep,
  type Progress,
  type ProgressInput,
} from './progress-history.ts'

export {
  clockTime,
  stages,
  type Happened,
  type KeyDate,
  type NextStep,
  type PortalDeadline,
  type PortalEvent,
  type PortalMeeting,
  type Progress,
  type ProgressInput,
} from './progress-history.ts'

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
  // What the agreement says is to be done, and by when: the same follow-up dates staff see.
  for (const d of input.deadlines) {
    const followUp = d.name.startsWith('agreement-point:') || d.name === 'agreement-icb-notice'
    if (!followUp || !(d.status === 'open' || d.status === 'overdue')) continue
    dates.push({
      label: d.label ?? 'Something the agreement says is to be done',
      date: d.dueDate,
      text:
        d.name === 'agreement-icb-notice'
          ? 'The council was not part of the agreement, so the health body must tell it about the agreement by this date.'
          : 'The agreement says this is to be done by this date. We will check that it has been done.',
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
