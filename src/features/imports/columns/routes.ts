// /admin/imports/:id/columns: which column of the file holds each of Parley's fields. Offered
// from this administrator's last choice (where the file has that heading), else guessed from the
// headings. Saved with the file, and for next time; then the dry run.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import { submitForm, type FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { importers } from '../access.ts'
import { importFields } from '../fields.ts'
import { chooseColumns, columnsFor, importById } from '../service.ts'
import { readColumns } from './schema.ts'

const view = 'imports/columns/view.njk'

export default async function columnsPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  const render = (
    reply: FastifyReply,
    batch: NonNullable<Awaited<ReturnType<typeof importById>>>,
    values: Record<string, string>,
    errors?: FormErrors,
  ) =>
    reply.view(view, {
      batch,
      fields: importFields.map((f) => ({
        ...f,
        items: [
          { value: '', text: f.required ? 'Choose a column' : 'Not in this file' },
          ...batch.headers.map((h) => ({ value: h, text: h, selected: values[f.key] === h })),
        ],
      })),
      errors,
    })

  app.get<{ Params: { id: string } }>('/admin/imports/:id/columns', { config: importers }, async (request, reply) => {
    const found = await columnsFor(deps.db, request.params.id, currentUser(request).id)
    if (!found) return notFound(request, reply)
    if (found.batch.status !== 'uploaded') return reply.redirect(`/admin/imports/${found.batch.id}`, 303)
    return render(reply, found.batch, found.values)
  })

  app.post<{ Params: { id: string } }>('/admin/imports/:id/columns', { config: importers }, async (request, reply) => {
    const batch = await importById(deps.db, request.params.id)
    if (!batch) return notFound(request, reply)
    return submitForm(request, reply, {
      parse: (body) => readColumns(body, batch.headers),
      render: (reply, { values, errors }) => render(reply, batch, values as Record<string, string>, errors),
      field: 'form',
      submit: async (mapping) => {
        const by = { ...auditActorOf(request), userId: currentUser(request).id }
        const result = await chooseColumns(deps, by, batch.id, mapping)
        if (!result.ok) return result
        return { ok: true, redirect: `/admin/imports/${batch.id}` }
      },
    })
  })
}
