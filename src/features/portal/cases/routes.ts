// /portal/cases: someone who is a party in more than one case (a parent with two children, a
// council officer) chooses which one to look at. Only cases where the address they proved is
// theirs are offered, and the choice is checked again when it is made.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { currentParty } from '../party-access.ts'
import { portalAccess, portalContext } from '../page.ts'
import { createSignInService } from '../sign-in-service.ts'

export default async function portalCases(app: FastifyInstance, deps: AppDeps) {
  const service = createSignInService({ db: deps.database.db, clock: deps.clock, config: deps.config })

  app.get('/portal/cases', { config: portalAccess }, async (request, reply) => {
    const party = currentParty(request)
    return reply.view('portal/cases/view.njk', {
      ...portalContext(deps, party, 'home'),
      choices: await service.caseChoices(party.address),
    })
  })

  // A choice, not a form to put right: one that is not theirs is not found.
  app.post('/portal/cases', { config: portalAccess }, async (request, reply) => {
    const party = currentParty(request)
    const chosen = await service.chooseCase(party.address, (request.body as { partyId?: unknown } | undefined)?.partyId)
    if (!chosen) return notFound(request, reply)
    request.session.partyId = chosen
    return reply.redirect('/portal', 303)
  })
}
