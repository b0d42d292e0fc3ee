// /cases/:id/preparation: the Preparation tab. For each party: contacted (and when last), their
// issues, their summary, who comes; the voice of the child; whether the summaries are released.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { formatDate } from '../../../web/format.ts'
import { attendeesOf, childViewsOf, contactsOf, issuesOf, latestSummaries, preparingParties } from '../repository.ts'
import { caseForView, contactMethods, pageContext, preparationAccess } from '../page.ts'
import { partyRoleLabels, summariesReleased } from '../rules.ts'
import type { CaseRow } from '../../cases/index.ts'
import type { Clock } from '../../../clock.ts'

/** Where the exchange of summaries stands, in words. */
export function releaseState(found: Pick<CaseRow, 'summariesReleasedAt' | 'summariesReleaseOn'>, clock: Clock): string {
  if (found.summariesReleasedAt) return `Released to every party on ${formatDate(found.summariesReleasedAt)}`
  if (summariesReleased(found, clock.today()))
    return `Released to every party on ${formatDate(found.summariesReleaseOn)} (the set date)`
  if (found.summariesReleaseOn)
    return `Not released yet: they will be released on ${formatDate(found.summariesReleaseOn)}`
  return 'Not released yet, and no release date set'
}

export default async function preparationOverview(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  app.get('/cases/:id/preparation', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const [parties, contacts, issues, summaries, people, childViews] = await Promise.all([
      preparingParties(db, found.id),
      contactsOf(db, found.id),
      issuesOf(db, found.id),
      latestSummaries(db, found.id),
      attendeesOf(db, found.id),
      childViewsOf(db, found.id),
    ])
    const rows = parties.map((party) => {
      const last = contacts.find((c) => c.partyId === party.id)
      const summary = summaries.get(party.id)
      return {
        id: party.id,
        label: party.label,
        role: partyRoleLabels[party.role] ?? party.role,
        lastContact: last
          ? `${formatDate(last.contactedOn)} (${contactMethods[last.method as keyof typeof contactMethods] ?? last.method})`
          : undefined,
        issues: issues.filter((i) => i.partyId === party.id).length,
        summary: summary
          ? (summary.fileType ? 'Document uploaded' : 'Typed') + ` on ${formatDate(summary.submittedAt)}`
          : undefined,
        attendees: people.filter((a) => a.partyId === party.id).map((a) => a.name),
      }
    })
    return reply.view('preparation/overview/view.njk', {
      ...pageContext(found),
      parties: rows,
      notContacted: rows.filter((r) => !r.lastContact).map((r) => r.label),
      agendaItems: issues.filter((i) => !i.mergedIntoId).length,
      childViews: childViews[0],
      childViewsCount: childViews.length,
      release: releaseState(found, deps.clock),
    })
  })
}
