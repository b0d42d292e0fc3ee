// /cases/:id/preparation/summaries: each party's written summary, typed or uploaded (a PDF or a
// Word document, at most 5MB, its type judged by its content). Summaries are exchanged together:
// no party sees another's until a coordinator releases them all or the set day comes.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import {
  combineErrors,
  dateInputValues,
  dateProblem,
  fieldError,
  parseForm,
  readDateInput,
  submitForm,
  type FormErrors,
} from '../../../web/forms.ts'
import { readUpload } from '../../../web/uploads.ts'
import { actorOf, caseForView, caseWorkers, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { base, pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'
import { downloadName, MAX_UPLOAD_BYTES } from '../rules.ts'
import { createPreparationService } from '../service.ts'
import { readSummaryForm } from '../summary-form.ts'
import { messages, releaseDateSchema, summaryFieldOrder, summaryMaxLength, summarySchema } from './schema.ts'

const view = 'preparation/summaries/view.njk'

/** Who releases the summaries: the coordinators (and those who stand in for them). */
const releasers = caseWorkers

export default async function summariesPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  const service = createPreparationService({ db: deps.database.db, clock: deps.clock })
  const canRelease = (request: Parameters<typeof currentUser>[0]) => hasRole(currentUser(request), ...releasers)

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    canRelease: boolean,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    return reply.view(view, {
      ...pageContext(found),
      ...(await pages.summaries(found)),
      canRelease,
      summaryMaxLength,
      values: extra.values ?? dateInputValues('releaseOn', found.summariesReleaseOn ?? undefined),
      errors: extra.errors,
    })
  }

  app.get('/cases/:id/preparation/summaries', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found, canRelease(request))
  })

  app.get<{ Params: { id: string; summaryId: string } }>(
    '/cases/:id/preparation/summaries/:summaryId/download',
    { config: preparationAccess },
    async (request, reply) => {
      const found = await caseForView(deps, request, reply)
      if (!found) return reply
      // Only a PDF or a Word document ever leaves (the type is checked again from the bytes).
      const download = await pages.summaryDownload(found.id, request.params.summaryId)
      if (!download) return reply.code(404).view('errors/not-found.njk')
      return reply
        .header('content-type', download.type)
        .header(
          'content-disposition',
          `attachment; filename="${downloadName(download.fileName, download.type, 'summary')}"`,
        )
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(download.file)
    },
  )

  // Uploads are parsed only here: one file, limited in size, and the form's fields (with its
  // CSRF token) put in request.body before the token is checked.
  await app.register(async function summaryUploads(scope) {
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      throwFileSizeLimit: false,
      onFile: readUpload,
      limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 10, fieldSize: 100_000, parts: 11, headerPairs: 100 },
    })

    scope.post('/cases/:id/preparation/summaries', { config: preparationAccess }, async (request, reply) => {
      const found = await visibleCaseOr404(deps.database.db, request, reply)
      if (!found) return reply
      return submitForm(request, reply, {
        parse: (body) => {
          const { form, typed, file, errors } = readSummaryForm(summarySchema, messages, summaryFieldOrder, body)
          if (errors || !form.ok) return { ok: false, errors: errors! }
          return { ok: true, data: { ...form.data, text: file ? undefined : typed, file } }
        },
        // Everything sent but the file, to show again.
        render: (reply, { values: { document: _, ...values }, errors }) =>
          render(reply, found, canRelease(request), { values, errors }),
        field: 'party',
        submit: async (form) => {
          const result = await service.submitSummary(
            found.id,
            { partyId: form.party, text: form.text, file: form.file, submissionKey: form.submissionKey },
            { actor: actorOf(request) },
          )
          if (!result.ok) return result
          return { ok: true, redirect: `${base(found.id)}/summaries`, flash: 'Summary saved' }
        },
      })
    })
  })

  // A button: a refusal (already released) is said on the page it returns to, not on a form.
  app.post('/cases/:id/preparation/summaries/release', { config: { access: releasers } }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    const result = await service.releaseSummaries(found.id, { actor: actorOf(request) })
    if (!result.ok && result.code === 'not-found') return notFound(request, reply)
    request.session.flash = result.ok ? 'Summaries released to all parties' : result.reason
    return reply.redirect(`${base(found.id)}/summaries`, 303)
  })

  app.post(
    '/cases/:id/preparation/summaries/release-date',
    { config: { access: releasers } },
    async (request, reply) => {
      const found = await visibleCaseOr404(deps.database.db, request, reply)
      if (!found) return reply
      return submitForm(request, reply, {
        parse: (body) => {
          const form = parseForm(releaseDateSchema, body)
          const date = readDateInput(body, 'releaseOn', 'the release date')
          const past =
            date.ok && date.value < deps.clock.today()
              ? fieldError('releaseOn-day', 'The release date must be today or in the future')
              : undefined
          const order = ['releaseOn-day', 'releaseOn-month', 'releaseOn-year']
          const errors = combineErrors(order, form.ok ? undefined : form.errors, dateProblem(date), past)
          return errors || !date.ok ? { ok: false, errors: errors! } : { ok: true, data: date.value }
        },
        render: (reply, extra) => render(reply, found, true, extra),
        field: 'releaseOn-day',
        submit: async (releaseOn) => {
          const result = await service.setReleaseDate(found.id, releaseOn, { actor: actorOf(request) })
          if (!result.ok) return result
          return { ok: true, redirect: `${base(found.id)}/summaries`, flash: 'Release date saved' }
        },
      })
    },
  )
}
