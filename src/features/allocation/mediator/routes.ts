// /cases/:id/mediator: who mediates the case, why they were chosen, who has been told, and any
// objections; with no mediator allocated, the panel ranked and explained for a coordinator to choose.
// A mediator sees this tab for their own case, read-only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { recordAccess, caseContext, visibleCaseOr404, labelOf, partyRoles, partiesOf } from '../../cases/index.ts'
import { allocators } from '../page.ts'
import { createAllocationService } from '../service.ts'

const endings: Record<string, string> = {
  'objection-upheld': "A party's objection was upheld",
  replaced: 'Replaced by another mediator',
  withdrawn: 'Withdrawn',
}

export default async function mediatorTab(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases/:id/mediator', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    await recordAccess(database.db, clock, { userId: user.id, caseId: found.id, path: `/cases/${found.id}/mediator` })
    const service = createAllocationService({ db: database.db, clock })
    const canChange = hasRole(user, ...allocators)
    const [current, past, parties] = await Promise.all([
      service.currentAllocation(found.id),
      service.pastAllocations(found.id),
      partiesOf(database.db, found.id),
    ])

    const partyName = (p: { name: string; organisation: string | null }) => p.name || p.organisation || 'Not named'
    let allocation
    if (current) {
      const [objections, told] = await Promise.all([
        service.objectionsOf(current.id),
        service.toldParties(found.id, current),
      ])
      allocation = {
        ...current,
        objections: objections.map((o) => ({
          ...o.objection,
          partyName: partyName({ name: o.partyName, organisation: o.partyOrganisation }),
          decidedByName: o.decidedByName,
        })),
        parties: parties.map((p) => ({
          id: p.id,
          name: partyName(p),
          roleText: labelOf(partyRoles, p.role),
          toldAt: told.get(p.id),
        })),
      }
    }
    // The ranked panel only for those who can allocate: a mediator does not see colleagues' standing.
    const ranking = !current && canChange ? await service.ranking(found) : undefined
    return reply.view('allocation/mediator/view.njk', {
      ...caseContext(found, 'mediator'),
      canChange,
      allocation,
      past: past.map((p) => ({ ...p, endedText: labelOf(endings, p.endedBecause) })),
      ranked: ranking?.ranked,
      needs: ranking?.needs,
      version: found.version,
    })
  })
}
