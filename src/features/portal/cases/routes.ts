// /portal/cases: someone who is a party in more than one case (a parent with two children, a
// council officer) chooses which one to look at. Only cases where the address they proved is
// theirs are offered, and the choice is checked again when it is made.
import type { FastifyInstance } from 'fastify'
import { inArray } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps.ts'
import { cases } from '../../../db/schema/index.ts'
import { currentParty } from '../party-access.ts'
import { portalAccess, portalContext } from '../page.ts'
import { createSignInService } from '../sign-in-service.ts'

export default async function portalCases(app: FastifyInstance, deps: AppDeps) {
  const service = createSignInService({ db: deps.database.db, clock: deps.clock, config: deps.config })

  async function choices(address: string) {
    const parties = await service.partiesWith(address)
    const rows = parties.length
      ? await deps.database.db
          .select()
          .from(cases)
          .where(
            inArray(
              cases.id,
              parties.map((p) => p.caseId),
            ),
          )
      : []
    return parties.map((p) => {
      const found = rows.find((c) => c.id === p.caseId)!
      return { partyId: p.id, reference: found.reference, childName: found.childName, receivedOn: found.receivedOn }
    })
  }

  app.get('/portal/cases', { config: portalAccess }, async (request, reply) => {
    const party = currentParty(request)
    return reply.view('portal/cases/view.njk', {
      ...portalContext(deps, party, 'home'),
      choices: await choices(party.address),
    })
  })

  app.post('/portal/cases', { config: portalAccess }, async (request, reply) => {
    const party = currentParty(request)
    const wanted = (request.body as { partyId?: unknown } | undefined)?.partyId
    const chosen = (await service.partiesWith(party.address)).find((p) => p.id === wanted)
    if (!chosen) return reply.code(404).view('errors/not-found.njk')
    request.session.partyId = chosen.id
    return reply.redirect('/portal', 303)
  })
}
