// What the agreement pages show, loaded once: the meeting and its record, the agenda, the
// parties, the agreement with each point's SMART advice and due date, the acceptances of the
// current version, and the case's outcome.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { acceptedText, responsibleOf, unresolvedIssues } from '../../domain/agreement-content.ts'
import {
  appealableKindLabels,
  concludedOutcome,
  followUpLabels,
  isAppealableKind,
  issueOutcomeLabels,
  pointDueDate,
  type FollowUp,
} from '../../domain/agreement-rules.ts'
import { caseOutcomeLabel } from '../../domain/case-outcome.ts'
import { smartCheck } from '../../domain/smart-check.ts'
import { currentCalendar } from '../settings/index.ts'
import {
  acceptancesOf,
  agendaOf,
  agreementCopies,
  agreementWithPoints,
  liveMeeting,
  mediationParties,
  meetingRecordOf,
  outcomeOf,
} from './repository.ts'

export type AgreementPicture = Awaited<ReturnType<typeof loadAgreement>>

/** What became of a party's copy, from the outbox: never more than was done. */
const copyWords: Record<string, string> = {
  sent: 'sent',
  queued: 'waiting to be sent',
  sending: 'being sent',
  failed: 'could not be sent',
  kept: 'kept in the outbox: no email or text service is set up, so it was not sent',
}
const channelWords: Record<string, string> = { email: 'by email', letter: 'by letter', text: 'by text message' }

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
  const [record, acceptances, copyRows] = await Promise.all([
    meeting ? meetingRecordOf(db, meeting.id) : undefined,
    agreement ? acceptancesOf(db, agreement.id) : [],
    agreement?.status === 'final'
      ? agreementCopies(
          db,
          agreement.id,
          agreement.version,
          parties.map((p) => p.id),
        )
      : [],
  ])
  // Each party's copy of the final agreement as the outbox has it, or none queued (no contact details).
  const copies = parties.map((p) => {
    const row = copyRows.find((c) => c.partyId === p.id)
    return {
      party: p.label,
      text: row
        ? `${channelWords[row.channel] ?? row.channel}, ${copyWords[row.status] ?? row.status}`
        : 'no copy sent: there are no contact details for them',
      sent: row !== undefined,
    }
  })
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
  const issueOutcomes = record?.issueOutcomes ?? {}
  const attendance = record?.attendance ?? []
  const notAgreed = agreement?.notAgreed ?? []
  return {
    today,
    copies,
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
      return { ...p, accepted: accepted ? acceptedText(accepted.how) : undefined }
    }),
    agreement,
    content: agreement?.finalContent ?? undefined,
    points,
    notAgreed,
    notAgreedFromAgenda: unresolvedIssues(agenda, issueOutcomes).map((i) => ({
      text: i.text,
      outcome: issueOutcomeLabels[issueOutcomes[i.id]!],
    })),
    /** How the mediation ends if the draft is made final as it stands. */
    concludes: concludedOutcome({
      points: points.length,
      notAgreed: notAgreed.length,
      issueOutcomes: Object.values(issueOutcomes),
    }),
    allAccepted: parties.length > 0 && parties.every((p) => current.some((a) => a.partyId === p.id)),
    outcome,
    outcomeLabel: outcome ? caseOutcomeLabel(outcome.outcome) : undefined,
  }
}
