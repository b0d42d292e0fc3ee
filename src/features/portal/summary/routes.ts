// /portal/summary: the party's summary before the meeting, written here or uploaded (a PDF or a
// Word document, at most 5MB, its type judged by its content), and, once the summaries are
// released, everyone else's. The same rules as the staff page (preparation/rules.ts).
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { submitForm, type FormErrors } from '../../../web/forms.ts'
import { readUpload } from '../../../web/uploads.ts'
import { MAX_UPLOAD_BYTES } from '../../preparation/index.ts'
import { createCasePages } from '../case-pages.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { readSummary, summaryMaxLength } from './schema.ts'

const view = 'portal/summary/view.njk'

export default async function portalSummary(app: FastifyInstance, deps: AppDeps) {
  const pages = createCasePages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) {
    return reply.view(view, {
      ...portalContext(deps, party, 'summary'),
      ...(await pages.summaries(party)),
      summaryMaxLength,
      values,
      errors,
    })
  }

  app.get('/portal/summary', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'summary')
    if (!party) return reply
    return render(reply, party)
  })

  app.get('/portal/summary/:summaryId/download', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'summary')
    if (!party) return reply
    const file = await pages.summaryDownload(party, (request.params as { summaryId: string }).summaryId)
    if (!file) return notFound(request, reply)
    return reply
      .header('content-type', file.type)
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes)
  })

  await app.register(async function portalSummaryUploads(scope) {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      onFile: readUpload,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 5, fieldSize: 100_000, parts: 6, headerPairs: 100 },
    })

    scope.post('/portal/summary', { config: portalAccess }, async (request, reply) => {
      const party = await partyFor(request, reply, 'summary')
      if (!party) return reply
      return submitForm(request, reply, {
        parse: readSummary,
        // Everything sent but the file, to show again.
        render: (reply, { values: { document: _file, ...values }, errors }) => render(reply, party, values, errors),
        field: 'summaryText',
        submit: async (input) => {
          const result = await service.submitSummary(party, input)
          if (!result.ok) return result
          return { ok: true, redirect: '/portal/summary', flash: 'Thank you. Your summary has been sent' }
        },
      })
    })
  })
}
