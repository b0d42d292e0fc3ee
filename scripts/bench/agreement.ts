// The agreement made at the meeting, as the agreements area finalises it: its points with the
// dates they fall due (the domain's pointDueDate), each party's acceptance, the final content
// kept for reprints, and a copy to every party.
import { pointDueDate } from '../../src/domain/agreement-rules.ts'
import { addDays } from '../../src/domain/dates.ts'
import type { Outcome } from '../../src/domain/workflow.ts'
import type { AgreementContent } from '../../src/features/agreements/index.ts'
import type { actorOf, CaseBuilder, Party } from './case-builder.ts'
import { ISSUES, POINTS } from './names.ts'
import type { CaseFacts } from './stories.ts'

export const GROUND_RULES = { confidentiality: true, respect: true, listening: true, impartiality: true }

/** The agreement as finalised: its points with their due dates, acceptances, and a copy to each party. */
export function agreement(
  b: CaseBuilder,
  c: CaseFacts,
  meeting: { id: string },
  outcome: Outcome,
  parties: Party[],
  actor: ReturnType<typeof actorOf>,
) {
  const agreementId = b.random.uuid()
  const points: (typeof b.rows.agreementPoints)[number][] = []
  const count = outcome === 'none' ? 0 : b.random.int(1, 5)
  const council = c.intake.partyOfKind['local-authority']
  for (let n = 1; n <= count; n++) {
    const byWhen = b.random.chance(0.5) ? addDays(b.date, b.random.int(7, 60)) : null
    const appealableKind =
      c.intake.facts.decision && b.random.chance(0.4)
        ? b.random.pick(['assess', 'draft-plan', 'final-plan', 'other'] as const)
        : null
    const due = pointDueDate({ appealableKind, byWhen, ownTimescaleAgreed: false }, b.date, b.calendar)
    const id = b.random.uuid()
    points.push({
      id,
      agreementId,
      caseId: b.caseId,
      position: n,
      responsiblePartyId: council?.id ?? null,
      responsibleName: council ? null : 'The school',
      what: b.random.pick(POINTS),
      byWhen,
      howKnown: 'An email to the family confirming it',
      appealableKind,
      statutoryDueDate: due.statutoryDueDate,
      dueDate: due.dueDate,
      createdAt: b.stamp(),
    })
    b.event('agreement-point-added', { pointId: id, what: points.at(-1)!.what }, actor)
  }
  for (const party of parties) b.event('agreement-accepted', { party: party.name, how: 'at-meeting' }, actor)
  const content: AgreementContent = {
    title: 'Mediation agreement',
    caseReference: c.reference,
    service: c.intake.facts.decision ? 'SEN mediation' : 'Disagreement resolution',
    childName: c.intake.facts.child.name,
    madeOn: b.date,
    version: 2,
    meeting: { day: b.date, startedAt: '10:05', endedAt: '12:40' },
    parties: parties.map((p) => ({ name: p.name || p.organisation || 'A party', accepted: 'Accepted at the meeting' })),
    attended: parties.map((p) => ({
      name: p.name || 'Representative',
      role: 'Party',
      party: p.name,
      hadAuthorityToAgree: p.role === 'local-authority',
    })),
    groundRules: Object.keys(GROUND_RULES).map((text) => ({ text, agreed: true })),
    outcome,
    points: points.map((p) => ({
      number: p.position,
      responsible: council?.name ?? 'The school',
      what: p.what,
      byWhen: p.byWhen ?? null,
      howKnown: p.howKnown ?? null,
      appealable: p.appealableKind ?? null,
      ownTimescaleAgreed: false,
      statutoryDueDate: p.statutoryDueDate!,
      dueDate: p.dueDate!,
      rule: 'Worked out when the agreement was made final.',
    })),
    notAgreed: outcome === 'partial' ? [ISSUES[0]!] : [],
    checkInsAgreed: count > 0,
    acceptanceNote: null,
    provider: { name: c.provider.name, phone: c.provider.phone, email: '' },
  }
  b.rows.agreements.push({
    id: agreementId,
    caseId: b.caseId,
    meetingId: meeting.id,
    status: 'final',
    notAgreed: content.notAgreed,
    checkInsAgreed: count > 0,
    finalContent: content,
    finalisedOn: b.date,
    finalisedBy: actor.userId,
    version: 2,
    createdAt: b.stamp(),
    updatedAt: b.stamp(),
  })
  b.rows.agreementPoints.push(...points)
  for (const party of parties)
    b.rows.agreementAcceptances.push({
      agreementId,
      partyId: party.id,
      agreementVersion: 1,
      how: 'at-meeting',
      recordedBy: actor.userId,
      acceptedAt: b.stamp(),
    })
  b.event(
    'agreement-finalised',
    {
      agreementId,
      version: 2,
      outcome,
      acceptanceNote: null,
      points: points.map((p) => ({
        id: p.id,
        number: p.position,
        what: p.what,
        responsible: council?.name ?? 'The school',
        dueDate: p.dueDate,
        rule: 'Worked out when the agreement was made final.',
      })),
    },
    actor,
  )
  for (const party of parties)
    if (party.email)
      b.message(party, 'agreement-copy', 'Your mediation agreement', 'A copy of the agreement is attached.')
  return points
}
