// What the agreement pages show, loaded once: the meeting and its record, the agenda, the
// parties, the agreement with each point's SMART advice and due date, the acceptances of the
// current version, and the case's outcome.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  appealableKindLabels,
  followUpLabels,
  isAppealableKind,
  issueOutcomeLabels,
  pointDueDate,
  type FollowUp,
  type IssueOutcome,
} from '../../domain/agreement-rules.ts'
import { smartCheck } from '../../domain/smart-check.ts'
import { currentCalendar } from '../settings/index.ts'
import type { AgreementContent } from './content.ts'
import { caseOutcomeLabels } from './outcome/schema.ts'
import { acceptancesOf, agendaOf, agreementWithPoints, liveMeeting, meetingRecordOf, outcomeOf } from './repository.ts'
import { mediationParties, responsibleOf } from './service.ts'

export async function loadAgreement(db: Db, clock: Clock, caseId: string) {
  const today = clock.today()
  const [meeting, agenda, parties, agreement, outcome, calendar] = await Promise.all([
    liveMeeting(db, caseId),
    agendaOf(db, caseId),
    mediationParties(db, caseId),
    agreementWithPoints(db, caseId),
    outcomeOf(db, caseId),
    currentCalendar(db),
  ])
  const record = meeting ? await meetingRecordOf(db, meeting.id) : undefined
  const acceptances = agreement ? await acceptancesOf(db, agreement.id) : []
  const current = acceptances.filter((a) => a.agreementVersion === agreement?.version)
  const madeOn = agreement?.finalisedOn ?? today
  const points = (agreement?.points ?? []).map((p, i) => {
    const due = pointDueDate(p, madeOn, calendar)
    return {
      ...p,
      number: i + 1,
      responsible: responsibleOf(p, parties),
      appealableLabel: isAppealableKind(p.appealableKind) ? appealableKindLabels[p.appealableKind] : null,
      due: { date: p.dueDate ?? due.dueDate, statutory: p.statutoryDueDate ?? due.statutoryDueDate, rule: due.rule },
      advice: agreement?.status === 'final' ? [] : smartCheck({ ...p, statutoryDueDate: due.statutoryDueDate }, today),
      followUpLabel: followUpLabels[p.followUp as FollowUp] ?? p.followUp,
      overdue: p.followUp === 'open' && p.dueDate !== null && p.dueDate < today,
    }
  })
  const issueOutcomes = (record?.issueOutcomes ?? {}) as Record<string, IssueOutcome>
  const notAgreedFromAgenda = agenda
    .filter((i) => issueOutcomes[i.id] === 'not-resolved' || issueOutcomes[i.id] === 'partly-resolved')
    .map((i) => ({ text: i.text, outcome: issueOutcomeLabels[issueOutcomes[i.id]!] }))
  const attendance = (record?.attendance ?? []) as {
    attendeeId?: string
    name: string
    attended: boolean
    hadAuthorityToAgree: boolean
  }[]
  return {
    today,
    attendance: {
      expected: attendance.filter((a) => a.attendeeId).length,
      attended: attendance.filter((a) => a.attendeeId && a.attended).length,
      others: attendance.filter((a) => !a.attendeeId).length,
      withAuthority: attendance.filter((a) => a.hadAuthorityToAgree).map((a) => a.name),
    },
    meeting,
    record,
    agenda: agenda.map((i) => ({
      ...i,
      outcome: issueOutcomes[i.id],
      outcomeLabel: issueOutcomes[i.id] ? issueOutcomeLabels[issueOutcomes[i.id]!] : 'Not recorded',
    })),
    parties: parties.map((p) => {
      const accepted = current.find((a) => a.partyId === p.id)
      return {
        ...p,
        accepted: accepted ? (accepted.how === 'portal' ? 'Accepted online' : 'Accepted at the meeting') : undefined,
      }
    }),
    agreement,
    content: (agreement?.finalContent ?? undefined) as AgreementContent | undefined,
    points,
    notAgreed: (agreement?.notAgreed ?? []) as string[],
    notAgreedFromAgenda,
    allAccepted: parties.length > 0 && parties.every((p) => current.some((a) => a.partyId === p.id)),
    outcome,
    outcomeLabel: outcome
      ? (caseOutcomeLabels[outcome.outcome as keyof typeof caseOutcomeLabels] ?? outcome.outcome)
      : undefined,
  }
}
