// /admin/templates: the wording of every message Parley sends, and whether it has been changed.
import type { FastifyInstance } from 'fastify'
import type { MessagesDeps } from '../deps.ts'
import { createWordingService } from '../wording-service.ts'

export const templatesAdmin = { access: ['administrator'] as const }

export default async function templatesList(app: FastifyInstance, { database, clock, templates }: MessagesDeps) {
  const wording = createWordingService({ db: database.db, clock, templates })

  app.get('/admin/templates', { config: templatesAdmin }, async (_request, reply) => {
    return reply.view('messages/templates-admin/view.njk', { templates: await wording.list() })
  })
}
