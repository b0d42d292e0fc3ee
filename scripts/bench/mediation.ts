// A case that is mediated: the parties asked and willing, a mediator allocated from the panel,
// preparation with every party, the meeting (sometimes moved), its record, the agreement and its
// points, the certificate (SEN mediation), follow-up of each point, and the outcome.
import type { IssueOutcome } from '../../src/domain/agreement-rules.ts'
import { addDays, type IsoDate } from '../../src/domain/dates.ts'
import type { Outcome, Scope } from '../../src/domain/workflow.ts'
import { actorOf, type CaseBuilder, type Party } from './case-builder.ts'
import { agreement, GROUND_RULES } from './agreement.ts'
import { ISSUES } from './names.ts'
import type { Mediator, Staff } from './people.ts'
import type { Venue } from './places.ts'
import { chooseMediation, decideScope, inviteAll, issueCertificate, recordOutcome, type CaseFacts } from './stories.ts'

export interface Panel {
  mediators: { mediator: Mediator; user: Staff }[]
  venues: Venue[]
}

export function mediated(b: CaseBuilder, c: CaseFacts, panel: Panel, scope: Scope) {
  const sen = scope !== 'disagreement-resolution'
  if (sen) {
    if (!chooseMediation(b, c, scope)) return
  } else {
    if (!b.step(0, 3)) return
    decideScope(b, scope)
    if (!b.step(0, 4)) return
    b.act({ type: 'start-willingness' })
    inviteAll(b, c)
  }
  const requested = b.date
  for (const [kind] of Object.entries(c.intake.partyOfKind) as [keyof typeof c.intake.partyOfKind, Party][]) {
    if (b.random.chance(0.2)) {
      if (!b.step(5)) return
      b.act({ type: 'chase-party', party: kind, on: b.date })
    }
    if (!b.step(1, 4)) return
    b.act({ type: 'record-willingness', party: kind, on: b.date, answer: 'willing' })
  }

  // The mediator, from the panel for the council's area.
  if (!b.step(0, 3)) return
  const { mediator, user } = b.random.pick(panel.mediators)
  const mediatorActor = actorOf(user)
  b.rows.allocations.push({
    caseId: b.caseId,
    mediatorId: mediator.id,
    allocatedBy: b.actor.userId!,
    allocatedAt: b.stamp(),
    reasons: {
      rank: 1,
      of: panel.mediators.length,
      score: b.random.int(60, 95),
      reasons: [{ tone: 'good', text: 'Works in this council’s area' }],
      window: { from: requested, to: addDays(requested, 30) },
    },
    note: null,
  })
  b.act({ type: 'allocate-mediator', mediator: mediator.name, mediatorId: mediator.id })
  if (!b.step(0, 2)) return
  b.act({ type: 'start-preparation' })

  // Preparation: every party contacted, their issues and who comes.
  const preparing = b.parties.filter((p) => p.role !== 'referrer')
  const issues: { id: string; text: string }[] = []
  for (const party of preparing) {
    if (!b.step(0, 2)) return
    const contactId = b.random.uuid()
    const method = party.email ? 'email' : 'phone'
    b.rows.partyContacts.push({
      id: contactId,
      caseId: b.caseId,
      partyId: party.id,
      contactedOn: b.date,
      method,
      byUserId: user.id,
      note: 'Talked through the process and what they hope to resolve.',
      createdAt: b.stamp(),
    })
    b.event('party-contacted', { contactId, partyId: party.id, party: party.name, method }, mediatorActor)
    b.rows.attendees.push({
      id: b.random.uuid(),
      caseId: b.caseId,
      partyId: party.id,
      name: party.name || party.organisation || 'Representative',
      role: party.isRequester || party.role === 'parent' ? 'Parent' : 'SEN officer',
      hasAuthorityToAgree: party.role === 'local-authority',
      createdAt: b.stamp(),
    })
    if (issues.length < 3 && (party === c.intake.family || b.random.chance(0.3))) {
      const issue = { id: b.random.uuid(), text: b.random.pick(ISSUES) }
      issues.push(issue)
      b.rows.caseIssues.push({
        ...issue,
        caseId: b.caseId,
        partyId: party.id,
        area: 'education',
        position: issues.length,
        createdAt: b.stamp(),
      })
    }
  }

  // The meeting: within the 30 days mostly, sometimes moved once.
  if (!b.step(0, 2)) return
  let meetingDay = b.calendar.addWorkingDays(b.date, b.random.int(5, 14))
  let meeting = bookMeeting(b, panel, mediator, meetingDay, preparing)
  if (b.random.chance(0.08)) {
    if (!b.step(1, 3)) return
    b.act({ type: 'cancel-meeting', reason: 'The council officer is ill.', place: meeting.place })
    b.rows.meetings.at(-1)!.cancelledAt = b.stamp()
    b.rows.meetings.at(-1)!.cancelReason = 'The council officer is ill.'
    meetingDay = b.calendar.addWorkingDays(b.date, b.random.int(5, 10))
    meeting = bookMeeting(b, panel, mediator, meetingDay, preparing)
  }
  if (!b.stepTo(meetingDay)) return
  b.act({ type: 'hold-meeting' }, {}, mediatorActor)
  const outcome: Outcome = b.random.weighted({ agreement: 60, partial: 25, none: 15 })
  const issueOutcomes: Record<string, IssueOutcome> = {}
  issues.forEach((issue, n) => {
    issueOutcomes[issue.id] =
      outcome === 'none' ? 'not-resolved' : outcome === 'partial' && n === 0 ? 'partly-resolved' : 'resolved'
  })
  const attendance = preparing.map((p) => ({
    partyId: p.id,
    name: p.name || p.organisation || 'A party',
    role: 'Party',
    party: p.name,
    attended: true,
    hadAuthorityToAgree: p.role === 'local-authority',
  }))
  b.rows.meetingRecords.push({
    meetingId: meeting.id,
    caseId: b.caseId,
    startedAt: '10:05',
    endedAt: '12:40',
    attendance,
    groundRules: GROUND_RULES,
    privateSessions: b.random.int(0, 2),
    issueOutcomes,
    recordedBy: user.id,
    updatedAt: b.stamp(),
  })
  b.event(
    'meeting-recorded',
    {
      meetingId: meeting.id,
      attended: attendance.length,
      expected: attendance.length,
      groundRulesAgreed: true,
      privateSessions: 0,
      issues: issues.length,
    },
    mediatorActor,
  )
  const points = agreement(b, c, meeting, outcome, preparing, mediatorActor)
  b.act({ type: 'conclude', outcome }, {}, mediatorActor)
  if (sen) {
    if (!b.step(0, 3)) return
    issueCertificate(b, c, 'after-mediation')
  }
  // Each point is checked when it falls due.
  let kept = 0
  let notKept = 0
  for (const point of [...points].sort((x, y) => (x.dueDate! < y.dueDate! ? -1 : 1))) {
    if (!b.stepTo(b.calendar.addWorkingDays(point.dueDate!, b.random.int(0, 8)))) return
    if (b.can({ type: 'start-follow-up' })) b.act({ type: 'start-follow-up' })
    const result = b.random.weighted({ kept: 75, late: 12, 'not-kept': 13 })
    if (result === 'not-kept') notKept++
    else kept++
    point.followUp = result
    point.followUpRecordedOn = b.date
    b.event('agreement-point-followed-up', {
      pointId: point.id,
      number: point.position,
      what: point.what,
      outcome: result,
      note: null,
    })
  }
  if (!b.step(1, 10)) return
  b.act({ type: 'close' })
  const reported =
    outcome === 'agreement' ? 'full-agreement' : outcome === 'partial' ? 'partial-agreement' : 'no-agreement'
  recordOutcome(b, reported, { kept, notKept })
}

function bookMeeting(b: CaseBuilder, panel: Panel, mediator: Mediator, day: IsoDate, parties: Party[]) {
  const venue = b.random.pick(panel.venues)
  const id = b.random.uuid()
  const noticeDays = b.calendar.workingDaysBetween(b.date, day)
  b.rows.meetings.push({
    id,
    caseId: b.caseId,
    mediatorId: mediator.id,
    venueId: venue.id,
    roomId: venue.rooms[0]!.id,
    breakoutRoomId: venue.rooms[1]?.id ?? null,
    onlineLink: venue.kind === 'online' ? 'https://meet.example.org/parley' : null,
    day,
    startTime: '10:00',
    endTime: '13:00',
    icsUid: `${id}@parley`,
    noticeSentOn: b.date,
    shorterNoticeAgreedBy: noticeDays < 5 ? 'parent' : null,
    shorterNoticeAgreedOn: noticeDays < 5 ? b.date : null,
    bookedBy: b.actor.userId,
    bookedAt: b.stamp(),
  })
  b.act({ type: 'arrange-meeting', meetingDate: day, shorterNoticeAgreed: noticeDays < 5, venue: venue.name })
  b.event('meeting-notice-sent', {})
  for (const party of parties) {
    b.update(party, `Invitation to the meeting (${day}, 10am).`)
    if (party.email)
      b.message(party, 'meeting-invitation', 'Your mediation meeting', `The meeting is on ${day} at ${venue.name}.`)
  }
  return { id, place: venue.name }
}
