// /rights: the people's rights requests of the councils this person works for, soonest due first,
// those not yet done (or every one, with ?show=all), a page at a time.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { rightsAccess } from '../access.ts'
import { createRightsPages } from '../page-service.ts'

const query = z.object({
  show: z.enum(['all']).optional().catch(undefined),
  after: z.string().trim().max(40).optional().catch(undefined),
})

export default async function listPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  app.get('/rights', { config: rightsAccess }, async (request, reply) => {
    const q = query.parse(request.query ?? {})
    const page = await pages.list(currentUser(request), { all: q.show === 'all', after: q.after || undefined })
    return reply.view('rights/list/view.njk', { ...page, all: q.show === 'all' })
  })
}
