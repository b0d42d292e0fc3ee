// /services: the councils the service runs for, each with a link to its own page.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { createPublicPagesService } from '../service.ts'

export default async function servicesIndex(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createPublicPagesService({ db: database.db, clock })
  app.get('/services', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('public-pages/services/view.njk', { councils: await service.councils() }),
  )
}
