// /portal: where the party's case is. What has happened, what happens next and when, and the
// dates that matter to them (for the family, the last day to appeal and what it was worked out
// from), in plain English, from the case's events and clocks; never a staff note.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { createCasePages } from '../case-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'

export default async function portalHome(app: FastifyInstance, deps: AppDeps) {
  const pages = createCasePages({ db: deps.database.db, clock: deps.clock })

  app.get('/portal', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'home')
    if (!party) return reply
    const progress = await pages.progress(party)
    return reply.view('portal/home/view.njk', { ...portalContext(deps, party, 'home'), progress })
  })
}
