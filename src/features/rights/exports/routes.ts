// A subject access export: made from the request's page (POST /rights/:id/exports), at once for a
// few cases or by the rights-exports job for more, and downloaded as one zip
// (GET /rights/:id/exports/:exportId), which the audit's download hook records before sending.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import { parseForm } from '../../../web/forms.ts'
import { z } from 'zod'
import { auditActorOf } from '../../audit/index.ts'
import { rightsAccess } from '../access.ts'
import { createExportService } from '../export-service.ts'
import { createRightsPages } from '../page-service.ts'
import { renderRequest } from '../request/render.ts'

const exportSchema = z.object({ _csrf: z.string() }).strict()

export default async function exportPages(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  const exports = createExportService({ db: deps.database.db, clock: deps.clock })

  app.post<{ Params: { id: string } }>('/rights/:id/exports', { config: rightsAccess }, async (request, reply) => {
    const form = parseForm(exportSchema, request.body)
    if (!form.ok) return renderRequest(reply.code(400), pages, request.params.id, { errors: form.errors })
    const result = await exports.make(currentUser(request), auditActorOf(request), request.params.id)
    if (!result.ok) {
      if (result.code === 'not-found') return renderRequest(reply, pages, request.params.id)
      const errors = {
        summary: [{ text: result.reason, href: '#export' }],
        fields: { export: { text: result.reason } },
      }
      return renderRequest(reply.code(400), pages, request.params.id, { errors })
    }
    request.session.flash = result.queued
      ? 'The export is being prepared. It will be ready to download on this page in a few minutes.'
      : 'The export is ready to download'
    return reply.redirect(`/rights/${request.params.id}#exports`, 303)
  })

  app.get<{ Params: { id: string; exportId: string } }>(
    '/rights/:id/exports/:exportId',
    { config: rightsAccess },
    async (request, reply) => {
      const file = await exports.download(currentUser(request), request.params.id, request.params.exportId)
      if (!file) return notFound(request, reply)
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '')}"`)
        .header('cache-control', 'no-store')
        .send(file.file)
    },
  )
}
