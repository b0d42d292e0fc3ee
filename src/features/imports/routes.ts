// /admin/imports: the imports so far, and a file of existing cases to upload (a CSV file or an
// Excel workbook, at most 20MB). After the upload the administrator chooses the columns.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../app-deps.ts'
import { currentUser } from '../../web/auth.ts'
import { fieldError, submissionKey, submitForm, toFormErrors, type FormErrors } from '../../web/forms.ts'
import { readUpload, sizeText, Upload } from '../../web/uploads.ts'
import { auditActorOf } from '../audit/index.ts'
import { importers, statusLabels } from './access.ts'
import { MAX_FILE_BYTES, recentImports, uploadFile } from './service.ts'

const view = 'imports/view.njk'
const uploadSchema = z.object({ _csrf: z.string().optional(), submissionKey, file: z.unknown() })

export default async function importsPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  const render = async (reply: FastifyReply, errors?: FormErrors) =>
    reply.view(view, {
      batches: (await recentImports(deps.db)).map((b) => ({ ...b, statusText: statusLabels[b.status] })),
      maxSize: sizeText(MAX_FILE_BYTES),
      errors,
    })

  app.get('/admin/imports', { config: importers }, async (_request, reply) => render(reply))

  // Uploads are parsed only here: one file, limited in size, the form's fields (with its CSRF
  // token) put in request.body before the token is checked.
  await app.register(async function importUploads(scope) {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      onFile: readUpload,
      limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 5, fieldSize: 1000, parts: 6, headerPairs: 100 },
    })
    scope.post('/admin/imports', { config: importers }, async (request, reply) =>
      submitForm(request, reply, {
        parse: (body) => {
          const form = uploadSchema.safeParse(body)
          if (!form.success) return { ok: false, errors: toFormErrors(form.error) }
          const file = form.data.file
          if (!(file instanceof Upload) || !file.filename || !file.bytes.length)
            return { ok: false, errors: fieldError('file', 'Select a CSV file or an Excel workbook') }
          if (file.tooLarge)
            return {
              ok: false,
              errors: fieldError('file', `The selected file must be smaller than ${sizeText(MAX_FILE_BYTES)}`),
            }
          return { ok: true, data: { file, submissionKey: form.data.submissionKey } }
        },
        render: (reply, { errors }) => render(reply, errors),
        field: 'file',
        submit: async ({ file, submissionKey }) => {
          const by = { ...auditActorOf(request), userId: currentUser(request).id }
          const result = await uploadFile(deps, by, { fileName: file.filename, bytes: file.bytes, submissionKey })
          if (!result.ok) return result
          return { ok: true, redirect: `/admin/imports/${result.batchId}/columns` }
        },
      }),
    )
  })
}
