// /services/:council: what the service is, for the people of one council, from its settings (a new
// council needs no code). The page's footer gives that council's details.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { createPublicPagesService } from '../../service.ts'

const codePattern = /^[a-z0-9][a-z0-9-]{0,62}$/

export default async function councilServicePage(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createPublicPagesService({ db: database.db, clock })
  app.get('/services/:council', { config: { access: 'public' } }, async (request, reply) => {
    const { council: code } = request.params as { council: string }
    const council = codePattern.test(code) ? await service.council(code) : undefined
    if (!council) return notFound(request, reply)
    const details = await service.reachable(council)
    reply.locals = { ...reply.locals, service: details }
    return reply.view('public-pages/services/council/view.njk', { council: details })
  })
}
