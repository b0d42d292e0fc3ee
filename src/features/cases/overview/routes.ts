// /cases/:id: the request's facts, the parties, first contact and the scope decision.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
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
import { currentUser, hasRole } from '../../../web/auth.ts'
import { caseWorkers } from '../access.ts'
import { recordAccess } from '../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../case-page.ts'
import type { FirstContactChecklist } from '../create-case.ts'
import { channelLabel, labelOf, partyRoles, scopeLabel } from '../labels.ts'
import { assigneeName } from '../progress/assignment.ts'
import { presentDeadline } from '../progress/present.ts'
import { latestEventOf, latestScopeDecision, partiesOf, type CaseRow } from '../repository.ts'
import { createWorkflowService } from '../workflow-service.ts'

const view = 'cases/overview/view.njk'

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

export default async function caseOverview(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases/:id', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    await recordAccess(database.db, clock, { userId: user.id, caseId: found.id, path: `/cases/${found.id}` })

    const [parties, firstContact, decision, deadlines, assignedName] = await Promise.all([
      partiesOf(database.db, found.id),
      latestEventOf(database.db, found.id, 'first-contact-recorded'),
      latestScopeDecision(database.db, found.id),
      createWorkflowService({ db: database.db, clock }).deadlinesOf(found.id),
      assigneeName(database.db, found.assignedTo),
    ])
    // The next statutory deadline still to meet (updates owed are on the progress page).
    const next = deadlines.find(
      (d) => !d.name.startsWith('update:') && ['overdue', 'due-soon', 'on-track'].includes(d.urgency),
    )
    return reply.view(view, {
      ...caseContext(found, 'overview'),
      facts: requestView(found),
      parties: parties.map((p) => ({ ...p, roleText: labelOf(partyRoles, p.role) })),
      firstContact: firstContact
        ? {
            ...(firstContact.data as Partial<FirstContactChecklist>),
            recordedAt: firstContact.recordedAt,
            by: firstContact.actorLabel,
          }
        : undefined,
      decision: decision ? { ...decision, scopeText: scopeLabel(decision.scope) } : undefined,
      canDecideScope: hasRole(user, ...caseWorkers),
      nextDeadline: next ? presentDeadline(next, clock.today()) : undefined,
      assignedName,
    })
  })
}
