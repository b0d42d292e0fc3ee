// The overview of one case: the request's facts in the words the person saw, the parties, first
// contact, the scope decision, the next statutory deadline and who is looking after the case.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  needsPermission,
  otherPartyKinds,
  requesterRoles,
} from '../../../domain/request.ts'
import { placementOnly, placementOnlyNote, planSections, type AppealSubject } from '../../../domain/appeal-subject.ts'
import { orderWarnings } from '../../../domain/event-order.ts'
import { overAgeWarning } from '../../../domain/intake-age.ts'
import { hasRole, type StaffUser } from '../../../domain/staff.ts'
import { caseWorkers } from '../access.ts'
import { caseSnapshot } from '../deadline-index.ts'
import { channelLabel, labelOf, partyRoles, scopeLabel } from '../labels.ts'
import { presentDeadline } from '../progress/present.ts'
import { latestEventOf, latestScopeDecision, staffName, type CaseRow } from '../repository.ts'

/** The request as staff read it: every choice in the words the person saw. */
export function requestView(found: CaseRow) {
  const r = found.request
  return {
    child: { ...r.child, council: found.localAuthorityName },
    ehcStatus: labelOf(ehcStatuses, r.ehcStatus),
    areas: (r.areas ?? []).map((a) => labelOf(disagreementAreas, a)),
    decision: r.decision
      ? { kind: labelOf(ehcDecisions, r.decision.kind), letterDate: r.decision.letterDate }
      : undefined,
    otherParties: (r.otherParties ?? []).map((p) => ({ kind: labelOf(otherPartyKinds, p.kind), name: p.name })),
    whatHappened: r.whatHappened,
    requester: {
      role: labelOf(requesterRoles, r.requester.role),
      name: r.requester.name,
      organisation: r.requester.organisation,
    },
    permissionNeeded: needsPermission(r.requester.role),
    permission: r.permission,
    parent: r.parent,
    contact: { ...r.contact, methods: (r.contact?.methods ?? []).map((m) => labelOf(contactMethods, m)) },
    adjustments: { ...r.adjustments, kinds: (r.adjustments?.kinds ?? []).map((k) => labelOf(adjustmentKinds, k)) },
    supporter: r.supporter,
    channel: channelLabel(found.channel),
  }
}

/** What the appeal is about, in words, and whether it is only about the placement named. */
function appealView(decision: { appealSubject: AppealSubject | null }) {
  const subject = decision.appealSubject
  if (!subject) return undefined
  return {
    about: [...subject.decisions.map((d) => labelOf(ehcDecisions, d)), ...subject.sections.map((s) => planSections[s])],
    placementOnly: placementOnly(subject),
    note: placementOnlyNote,
  }
}

export async function overviewPage({ db, clock }: { db: Db; clock: Clock }, found: CaseRow, user: StaffUser) {
  const [{ state, deadlines, inputs }, firstContact, decision, assignedName] = await Promise.all([
    caseSnapshot(db, clock, found.id),
    latestEventOf(db, found.id, 'first-contact-recorded'),
    latestScopeDecision(db, found.id),
    staffName(db, found.assignedTo),
  ])
  // The next statutory deadline still to meet (updates owed are on the progress page).
  const next = deadlines.find(
    (d) => !d.name.startsWith('update:') && ['overdue', 'due-soon', 'on-track'].includes(d.urgency),
  )
  return {
    facts: requestView(found),
    parties: (inputs?.parties ?? []).map((p) => ({ ...p, roleText: labelOf(partyRoles, p.role) })),
    firstContact: firstContact
      ? { ...firstContact.data, recordedAt: firstContact.recordedAt, by: firstContact.actorLabel }
      : undefined,
    decision: decision
      ? { ...decision, scopeText: scopeLabel(decision.scope), appeal: appealView(decision) }
      : undefined,
    canDecideScope: hasRole(user, ...caseWorkers),
    nextDeadline: next ? presentDeadline(next, clock.today()) : undefined,
    // Over 25 when the request came in: said, never refused (a mistyped year is the likelier).
    overAge: found.request.child?.dateOfBirth
      ? overAgeWarning(found.request.child.dateOfBirth, found.receivedOn)
      : undefined,
    // SEN mediation runs from the council's decision letter: without its date no clock can start.
    letterDateMissing:
      state.route === 'sen-mediation' && !(inputs?.events ?? []).some((e) => e.type === 'decision-letter-sent'),
    assignedName,
    // Dates recorded in an unusual but possible order (domain/event-order.ts), to check.
    dateWarnings: orderWarnings(
      (inputs?.events ?? []).map((e) => ({ type: e.type, date: e.occurredOn, data: e.data })),
      { receivedOn: found.receivedOn },
    ),
  }
}
