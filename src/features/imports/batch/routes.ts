// /admin/imports/:id: the dry run, then the import's progress (the job does it; refresh the page
// to see how far it has got), then what it made. POST .../start queues it (once); the undo has
// its own page (.../undo), saying what it does, and is refused while any case of the batch has
// been changed since.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { importers } from '../access.ts'
import { batchPage } from '../batch-page.ts'
import { importById, requestUndo, startImport } from '../service.ts'

const pageQuery = z.object({
  show: z.string().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
})

export default async function batchPages(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  const show = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    errors?: FormErrors,
  ) => {
    const page = await batchPage(deps, request.params.id, pageQuery.parse(request.query ?? {}))
    if (!page) return notFound(request, reply)
    return reply.code(errors ? 400 : 200).view('imports/batch/view.njk', { ...page, errors })
  }

  app.get<{ Params: { id: string } }>('/admin/imports/:id', { config: importers }, (request, reply) =>
    show(request, reply),
  )

  app.post<{ Params: { id: string } }>('/admin/imports/:id/start', { config: importers }, async (request, reply) => {
    const result = await startImport(deps, auditActorOf(request), request.params.id)
    if (!result.ok && result.code === 'not-found') return notFound(request, reply)
    if (!result.ok) return show(request, reply, pageError(result.reason))
    return reply.redirect(`/admin/imports/${request.params.id}`, 303)
  })

  const undoPage = async (
    request: FastifyRequest<{ Params: { id: string } }>,
    reply: FastifyReply,
    errors?: FormErrors,
  ) => {
    const batch = await importById(deps.db, request.params.id)
    if (!batch) return notFound(request, reply)
    if (batch.status !== 'done') return reply.redirect(`/admin/imports/${batch.id}`, 303)
    return reply.code(errors ? 400 : 200).view('imports/batch/undo.njk', { batch, errors })
  }

  app.get<{ Params: { id: string } }>('/admin/imports/:id/undo', { config: importers }, (request, reply) =>
    undoPage(request, reply),
  )

  app.post<{ Params: { id: string } }>('/admin/imports/:id/undo', { config: importers }, async (request, reply) => {
    const result = await requestUndo(deps, auditActorOf(request), request.params.id)
    if (!result.ok && result.code === 'not-found') return notFound(request, reply)
    if (!result.ok) return undoPage(request, reply, pageError(result.reason))
    return reply.redirect(`/admin/imports/${request.params.id}`, 303)
  })
}

/** A refusal of the page's one button: said in the error summary, which links to the page's content. */
const pageError = (text: string): FormErrors => ({
  summary: [{ text, href: '#main-content' }],
  fields: { form: { text } },
})
