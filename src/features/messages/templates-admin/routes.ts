// /admin/templates: the wording of every message Parley sends, and whether it has been changed.
import type { FastifyInstance } from 'fastify'
import { messageTemplates } from '../../../db/schema/index.ts'
import type { MessagesDeps } from '../deps.ts'

export const templatesAdmin = { access: ['administrator'] as const }

export default async function templatesList(app: FastifyInstance, { database, templates }: MessagesDeps) {
  app.get('/admin/templates', { config: templatesAdmin }, async (_request, reply) => {
    const saved = await database.db
      .select({ key: messageTemplates.key, updatedAt: messageTemplates.updatedAt })
      .from(messageTemplates)
    return reply.view('messages/templates-admin/view.njk', {
      templates: [...templates]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((t) => ({ key: t.key, name: t.name, changedAt: saved.find((s) => s.key === t.key)?.updatedAt })),
    })
  })
}
