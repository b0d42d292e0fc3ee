// /complaints: the register of complaints for the councils this person works for, newest first,
// filtered by where each stands and by council, a page at a time.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { complaintsAccess } from '../page.ts'
import { createComplaintPages } from '../page-service.ts'
import { registerQuery } from './schema.ts'

export default async function register(app: FastifyInstance, deps: AppDeps) {
  const pages = createComplaintPages({ db: deps.database.db, clock: deps.clock })

  app.get('/complaints', { config: complaintsAccess }, async (request, reply) => {
    const query = registerQuery.parse(request.query ?? {})
    const page = await pages.register(
      currentUser(request),
      { status: query.status, councilId: query.council },
      query.page,
    )
    return reply.view('complaints/register/view.njk', {
      ...page,
      values: { status: query.status ?? '', council: query.council ?? '' },
    })
  })
}
