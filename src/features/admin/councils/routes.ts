// /admin/councils: every council, with whether it commissions the service, its postcode
// districts, its update cadence and how many staff work for it.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adminOnly } from '../access.ts'
import { createCouncilsService } from './service.ts'

export default async function councils(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createCouncilsService(database.db, clock)

  app.get('/admin/councils', { config: adminOnly }, async (_request, reply) =>
    reply.view('admin/councils/view.njk', { councils: await service.list() }),
  )
}
