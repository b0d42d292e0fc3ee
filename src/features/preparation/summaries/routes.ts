// /cases/:id/preparation/summaries: each party's written summary, typed or uploaded (a PDF or a
// Word document, at most 5MB, its type judged by its content). Summaries are exchanged together:
// no party sees another's until a coordinator releases them all or the set day comes.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { hasRole, currentUser } from '../../../web/auth.ts'
import { dateInputValues, parseForm, readDateInput, type FormErrors } from '../../../web/forms.ts'
import { readUpload, sizeText, typeText } from '../../../web/uploads.ts'
import { caseWorkers, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { releaseState } from '../overview/routes.ts'
import { latestSummaries, preparingParties, summaryFile } from '../repository.ts'
import {
  actorOf,
  base,
  caseForView,
  combineErrors,
  dateProblem,
  newFormKey,
  pageContext,
  preparationAccess,
  problem,
} from '../page.ts'
import { documentTypeOf, downloadName, MAX_UPLOAD_BYTES, summariesReleased, summaryVisibleTo } from '../rules.ts'
import { createPreparationService } from '../service.ts'
import { readSummaryForm } from '../summary-form.ts'
import { messages, releaseDateSchema, summaryFieldOrder, summaryMaxLength, summarySchema } from './schema.ts'

const view = 'preparation/summaries/view.njk'

/** Who releases the summaries: the coordinators (and those who stand in for them). */
const releasers = caseWorkers

export default async function summariesPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const { clock } = deps
  const service = createPreparationService({ db, clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    canRelease: boolean,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const [parties, latest] = await Promise.all([preparingParties(db, found.id), latestSummaries(db, found.id)])
    const released = summariesReleased(found, clock.today())
    return reply.view(view, {
      ...pageContext(found),
      parties: parties.map((p) => {
        const s = latest.get(p.id)
        // Staff read every summary; summaryVisibleTo is the same rule the parties' portal will use.
        const visible = s && summaryVisibleTo({ kind: 'staff' }, s, released)
        return {
          ...p,
          summary:
            s && visible
              ? {
                  ...s,
                  typeText: typeText(s.fileType),
                  sizeText: sizeText(s.fileSize ?? 0),
                  href: `${base(found.id)}/summaries/${s.id}/download`,
                }
              : undefined,
        }
      }),
      submitted: parties.filter((p) => latest.has(p.id)).length,
      released,
      release: releaseState(found, clock),
      canRelease,
      partyItems: parties.map((p) => ({ value: p.id, text: p.label })),
      summaryMaxLength,
      values: extra.values ?? {
        formKey: newFormKey(),
        ...dateInputValues('releaseOn', found.summariesReleaseOn ?? undefined),
      },
      errors: extra.errors,
    })
  }
  const canRelease = (request: Parameters<typeof currentUser>[0]) => hasRole(currentUser(request), ...releasers)

  app.get('/cases/:id/preparation/summaries', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found, canRelease(request))
  })

  app.get(
    '/cases/:id/preparation/summaries/:summaryId/download',
    { config: preparationAccess },
    async (request, reply) => {
      const found = await caseForView(deps, request, reply)
      if (!found) return reply
      const { summaryId } = request.params as { summaryId: string }
      const row = /^[0-9a-f-]{36}$/i.test(summaryId)
        ? await summaryFile(db, found.id, summaryId.toLowerCase())
        : undefined
      // The type is checked again from the bytes: only a PDF or a Word document ever leaves.
      const type = row?.file ? documentTypeOf(row.file) : undefined
      if (!row?.file || !type) return reply.code(404).view('errors/not-found.njk')
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="${downloadName(row.fileName, type, 'summary')}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(row.file)
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
      const found = await visibleCaseOr404(db, request, reply)
      if (!found) return reply
      const { fields, form, typed, file, errors } = readSummaryForm(
        summarySchema,
        messages,
        summaryFieldOrder,
        request.body,
      )
      if (errors || !form.ok) return render(reply.code(400), found, canRelease(request), { values: fields, errors })

      const result = await service.submitSummary(
        found.id,
        { partyId: form.data.party, text: file ? undefined : typed, file },
        { actor: actorOf(request), formKey: form.data.formKey },
      )
      if (!result.ok) {
        if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
        return render(reply.code(400), found, canRelease(request), {
          values: fields,
          errors: problem(result.field ?? 'party', result.reason),
        })
      }
      request.session.flash = 'Summary saved'
      return reply.redirect(`${base(found.id)}/summaries`, 303)
    })
  })

  app.post('/cases/:id/preparation/summaries/release', { config: { access: releasers } }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const result = await service.releaseSummaries(found.id, { actor: actorOf(request) })
    if (!result.ok && result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
    request.session.flash = result.ok ? 'Summaries released to all parties' : result.reason
    return reply.redirect(`${base(found.id)}/summaries`, 303)
  })

  app.post(
    '/cases/:id/preparation/summaries/release-date',
    { config: { access: releasers } },
    async (request, reply) => {
      const found = await visibleCaseOr404(db, request, reply)
      if (!found) return reply
      const body = (request.body ?? {}) as Record<string, unknown>
      const form = parseForm(releaseDateSchema, body)
      const date = readDateInput(body, 'releaseOn', 'the release date')
      const past =
        date.ok && date.value < clock.today()
          ? problem('releaseOn-day', 'The release date must be today or in the future')
          : undefined
      const errors = combineErrors(
        ['releaseOn-day', 'releaseOn-month', 'releaseOn-year'],
        form.ok ? undefined : form.errors,
        dateProblem(date),
        past,
      )
      if (errors || !date.ok)
        return render(reply.code(400), found, true, { values: { formKey: newFormKey(), ...body }, errors })
      const result = await service.setReleaseDate(found.id, date.value, { actor: actorOf(request) })
      if (!result.ok) {
        if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
        return render(reply.code(400), found, true, {
          values: { formKey: newFormKey(), ...body },
          errors: problem(result.field ?? 'releaseOn-day', result.reason),
        })
      }
      request.session.flash = 'Release date saved'
      return reply.redirect(`${base(found.id)}/summaries`, 303)
    },
  )
}
