// /today: the staff home. "What needs me today?", most urgent first (service.ts).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { roles } from '../../domain/staff.ts'
import { currentUser } from '../../web/auth.ts'
import { todayPage } from './service.ts'

export default async function today(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/today', { config: { access: roles } }, async (request, reply) => {
    const page = await todayPage(
      { db: database.db, clock },
      currentUser(request),
      request.query as Record<string, unknown>,
    )
    return reply.view('today/view.njk', page)
  })
}
