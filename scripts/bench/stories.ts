// What becomes of each enquiry, in the proportions a real service sees: most never become
// mediations (signposted, withdrawn early, or mediation declined with a certificate so the family
// can appeal); about a quarter are mediated, most of those to an agreement. Each story is a
// sequence of workflow steps; the builder stops at today, so recent cases are still open.
import { computeDeadlines } from '../../src/domain/clocks.ts'
import { PARTY_KINDS, type PartyKind } from '../../src/domain/willingness.ts'
import type { CertificateKind, Scope } from '../../src/domain/workflow.ts'
import { certificateContent } from '../../src/features/certificates/index.ts'
import type { CaseBuilder, Party } from './case-builder.ts'
import type { Intake } from './intake.ts'
import type { Agency } from './places.ts'

export type Story =
  'signposted' | 'withdrawn-early' | 'declined' | 'change-of-mind' | 'cannot-arrange' | 'not-willing' | 'mediated'

export const STORY_WEIGHTS: Record<Story, number> = {
  signposted: 25,
  'withdrawn-early': 15,
  declined: 25,
  'change-of-mind': 3,
  'cannot-arrange': 2,
  'not-willing': 5,
  mediated: 25,
}

/** What the story needs from the request: SEN mediation is about an EHC decision; asking parties needs them named. */
export function storyNeeds(story: Story, sen: boolean) {
  return { sen, others: ['change-of-mind', 'cannot-arrange', 'not-willing', 'mediated'].includes(story) }
}

export interface CaseFacts {
  reference: string
  intake: Intake
  councilName: string
  agencies: Agency[]
  provider: { name: string; address: string; phone: string }
}

/** The first day: the enquiry, first contact by phone, and the clocks an EHC decision starts. */
export function opening(b: CaseBuilder, c: CaseFacts, online: boolean) {
  const { facts, channel } = c.intake
  const actor = online ? { userId: null, label: 'The person asking for help' } : b.actor
  b.event('enquiry-received', { channel, requesterRole: facts.requester.role, localAuthority: c.councilName }, actor)
  if (channel === 'phone') {
    b.event('first-contact-recorded', {
      reasonForContact: 'Wants to know what mediation is and whether it affects an appeal',
      differenceExplained: true,
      understandingChecked: true,
      preferencesAsked: true,
      signposting: '',
    })
  }
  if (facts.areas.includes('ehc-decision') && facts.decision?.letterDate) {
    b.event('decision-letter-sent', { kind: facts.decision.kind }, actor, facts.decision.letterDate)
    b.event('adviser-contacted', { channel }, actor)
  }
}

export function decideScope(b: CaseBuilder, scope: Scope, agency?: Agency) {
  const reason =
    scope === 'out-of-scope'
      ? 'Not a disagreement about SEN provision or an EHC decision.'
      : scope === 'sen-mediation'
        ? 'An appealable decision about an EHC plan.'
        : 'A disagreement about how SEN duties are carried out.'
  b.act({ type: 'decide-scope', scope, reason }, { agencyId: agency?.id ?? null, agencyName: agency?.name ?? null })
  b.rows.scopeDecisions.push({
    caseId: b.caseId,
    scope,
    reason,
    signpostAgencyId: agency?.id ?? null,
    decidedBy: b.actor.userId!,
    decidedAt: b.stamp(),
  })
}

/** How the case ended, for reporting, with the event the agreements area appends. */
export function recordOutcome(
  b: CaseBuilder,
  outcome: 'full-agreement' | 'partial-agreement' | 'no-agreement' | 'withdrawn' | 'could-not-proceed' | 'referred',
  details: {
    withdrawnBy?: string
    reason?: string
    unwillingPartyId?: string
    referredTo?: string
    kept?: number
    notKept?: number
  } = {},
) {
  const pointsKept = details.kept ?? 0
  const pointsNotKept = details.notKept ?? 0
  b.rows.caseOutcomes.push({
    caseId: b.caseId,
    outcome,
    withdrawnBy: details.withdrawnBy ?? null,
    reason: details.reason ?? null,
    unwillingPartyId: details.unwillingPartyId ?? null,
    referredTo: details.referredTo ?? null,
    pointsKept,
    pointsNotKept,
    recordedBy: b.actor.userId,
    recordedAt: b.stamp(),
  })
  b.event('case-outcome-recorded', { outcome, pointsKept, pointsNotKept })
}

/** The certificate row, with the content the certificates area fixes when it is issued. */
export function issueCertificate(b: CaseBuilder, c: CaseFacts, kind: CertificateKind) {
  b.act({ type: 'issue-certificate', kind })
  const events = b.events().map((e) => ({ type: e.type, date: e.occurredOn, data: e.data as Record<string, unknown> }))
  const appeal = computeDeadlines(events, { calendar: b.calendar }).find((d) => d.name === 'appeal')
  const { facts } = c.intake
  const youngPerson = facts.requester.role === 'young-person'
  b.rows.certificates.push({
    caseId: b.caseId,
    kind,
    issuedOn: b.date,
    issuedBy: b.actor.userId,
    content: certificateContent({
      reference: c.reference,
      sequence: 1,
      kind,
      issuedOn: b.date,
      facts,
      parentOrYoungPerson: { name: c.intake.family.name, role: youngPerson ? 'young-person' : 'parent' },
      localAuthority: c.councilName,
      provider: c.provider,
      ...(appeal ? { appealDeadline: { dueDate: appeal.dueDate, rule: appeal.rule } } : {}),
    }),
    largePrint: facts.adjustments.kinds.includes('large-print'),
    createdAt: b.stamp(),
  })
}

/** Certificates are due within 3 working days: nearly always on time. */
const certificateDays = (b: CaseBuilder) => (b.random.chance(0.05) ? b.step(4, 7) : b.step(0, 3))

export function signposted(b: CaseBuilder, c: CaseFacts) {
  const agency = b.random.pick(c.agencies)
  if (!b.step(0, 4)) return
  decideScope(b, 'out-of-scope', agency)
  if (!b.step(0, 3)) return
  b.act({ type: 'close', note: `Signposted to ${agency.name}.` })
  recordOutcome(b, 'referred', { referredTo: agency.name })
}

export function withdrawnEarly(b: CaseBuilder, c: CaseFacts, scope: Scope) {
  if (b.random.chance(0.7)) {
    if (!b.step(0, 4)) return
    decideScope(b, scope)
  }
  if (!b.step(1, 15)) return
  const by = c.intake.facts.requester.role === 'young-person' ? 'young-person' : 'parent'
  const reason = b.random.pick([
    'The school has now agreed the support.',
    'They no longer want help from us.',
    'Moved out of the area.',
  ])
  b.act({ type: 'withdraw', by, reason })
  if (b.random.chance(0.8)) {
    b.act({ type: 'close' })
    recordOutcome(b, 'withdrawn', { withdrawnBy: by, reason })
  }
}

export function declined(b: CaseBuilder, c: CaseFacts) {
  if (!b.step(0, 3)) return
  decideScope(b, 'sen-mediation')
  if (!b.step(0, 4)) return
  b.act({ type: 'decline-mediation' })
  if (!certificateDays(b)) return
  issueCertificate(b, c, 'declined')
  if (!b.step(1, 10)) return
  b.act({ type: 'close', note: 'The family has the certificate to appeal.' })
}

/** SEN mediation asked for, the council invited; returns false if the story stops before. */
export function chooseMediation(b: CaseBuilder, c: CaseFacts, scope: Scope): boolean {
  if (!b.step(0, 3)) return false
  decideScope(b, scope)
  if (!b.step(0, 5)) return false
  const healthInIssue = c.intake.partyOfKind.health !== undefined
  b.act({ type: 'choose-mediation', healthInIssue })
  if (!b.step(0, 1)) return false
  inviteAll(b, c)
  if (healthInIssue && b.step(1, 3)) b.event('health-body-notified', {})
  return b.live
}

export function changeOfMind(b: CaseBuilder, c: CaseFacts) {
  if (!chooseMediation(b, c, 'sen-mediation') || !b.step(2, 12)) return
  const by = c.intake.facts.requester.role === 'young-person' ? 'young-person' : 'parent'
  b.act({ type: 'withdraw', by, reason: 'Decided to go straight to the Tribunal.' })
  if (!certificateDays(b)) return
  issueCertificate(b, c, 'change-of-mind')
  if (!b.step(1, 5)) return
  b.act({ type: 'close' })
  recordOutcome(b, 'withdrawn', { withdrawnBy: by, reason: 'Decided to go straight to the Tribunal.' })
}

export function cannotArrange(b: CaseBuilder, c: CaseFacts) {
  if (!chooseMediation(b, c, 'sen-mediation') || !b.step(10, 20)) return
  b.act({ type: 'cannot-arrange', reason: 'No date the council could attend within 30 days.' })
  if (!certificateDays(b)) return
  issueCertificate(b, c, 'cannot-arrange')
  if (!b.step(1, 5)) return
  b.act({ type: 'close' })
}

/** Disagreement resolution that stops because a party says no. */
export function notWilling(b: CaseBuilder, c: CaseFacts) {
  if (!b.step(0, 3)) return
  decideScope(b, 'disagreement-resolution')
  if (!b.step(0, 4)) return
  b.act({ type: 'start-willingness' })
  const invited = inviteAll(b, c)
  if (!b.step(3, 12)) return
  const [kind, party] = b.random.pick(invited)
  const reason = 'They do not think a meeting would help at this stage.'
  b.act({ type: 'record-willingness', party: kind, on: b.date, answer: 'unwilling', reason })
  if (!b.step(0, 5)) return
  b.act({ type: 'close' })
  recordOutcome(b, 'could-not-proceed', { unwillingPartyId: party.id, reason })
}

/** Invites every other party named, today; some get a chaser later. */
export function inviteAll(b: CaseBuilder, c: CaseFacts): [PartyKind, Party][] {
  const invited: [PartyKind, Party][] = []
  for (const kind of PARTY_KINDS) {
    const party = c.intake.partyOfKind[kind]
    if (!party) continue
    b.act({ type: 'invite-party', party: kind, on: b.date, how: 'email' })
    invited.push([kind, party])
  }
  return invited
}
