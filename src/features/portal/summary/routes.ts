// /portal/summary: the party's summary before the meeting, written here or uploaded (a PDF or a
// Word document, at most 5MB, its type judged by its content), and, once the summaries are
// released, everyone else's. The same rules as the staff page (preparation/rules.ts).
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyReply } from 'fastify'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps.ts'
import { childViews } from '../../../db/schema/index.ts'
import { fieldError, type FormErrors } from '../../../web/forms.ts'
import { readUpload, sizeText, typeText } from '../../../web/uploads.ts'
import { submitOnce } from '../../../web/submission.ts'
import {
  summaryFile,
  readSummaryForm,
  childViewsVisibleTo,
  documentTypeOf,
  downloadName,
  inPartyOrder,
  MAX_UPLOAD_BYTES,
  partyLabel,
  summariesReleased,
  summaryVisibleTo,
} from '../../preparation/index.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { caseRowOf, latestSummaries, partyNamesOf } from '../repository.ts'
import { createPortalService } from '../service.ts'
import { messages, summaryMaxLength, summarySchema } from './schema.ts'

const view = 'portal/summary/view.njk'

class Refused extends Error {}

const isId = (value: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)

export default async function portalSummary(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const { clock } = deps
  const service = createPortalService({ db, clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) {
    const [caseRow, latest, parties, views] = await Promise.all([
      caseRowOf(db, party.caseId),
      latestSummaries(db, party.caseId),
      partyNamesOf(db, party.caseId),
      db.select().from(childViews).where(eq(childViews.caseId, party.caseId)),
    ])
    const released = summariesReleased(caseRow!, clock.today())
    const viewer = { kind: 'party' as const, partyId: party.partyId }
    const shown = (s: NonNullable<ReturnType<typeof latest.get>>) => ({
      ...s,
      typeText: typeText(s.fileType),
      sizeText: sizeText(s.fileSize ?? 0),
      href: `/portal/summary/${s.id}/download`,
    })
    const own = latest.get(party.partyId)
    const others = inPartyOrder(parties.filter((p) => p.id !== party.partyId && p.role !== 'referrer')).flatMap((p) => {
      const s = latest.get(p.id)
      return s && summaryVisibleTo(viewer, s, released) ? [{ label: partyLabel(p), summary: shown(s) }] : []
    })
    return reply.view(view, {
      ...portalContext(deps, party, 'summary'),
      released,
      releaseOn: caseRow!.summariesReleaseOn,
      own: own ? shown(own) : undefined,
      others,
      childViews: views
        .filter((v) => childViewsVisibleTo(party.role, v))
        .map((v) => ({ views: v.views, gatheredOn: v.gatheredOn })),
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
    const { summaryId } = request.params as { summaryId: string }
    const row = isId(summaryId) ? await summaryFile(db, party.caseId, summaryId.toLowerCase()) : undefined
    const caseRow = await caseRowOf(db, party.caseId)
    const visible =
      row &&
      summaryVisibleTo({ kind: 'party', partyId: party.partyId }, row, summariesReleased(caseRow!, clock.today()))
    const type = visible && row?.file ? documentTypeOf(row.file) : undefined
    if (!row?.file || !type) return reply.code(404).view('errors/not-found.njk')
    return reply
      .header('content-type', type)
      .header('content-disposition', `attachment; filename="${downloadName(row.fileName, type, 'summary')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(row.file)
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
      const { fields, form, typed, file, errors } = readSummaryForm(
        summarySchema,
        messages,
        ['summaryText', 'document'],
        request.body,
      )
      if (errors || !form.ok) return render(reply.code(400), party, fields, errors)

      let refusal: string | undefined
      const next = await submitOnce(db, clock, fields, async (tx) => {
        const result = await service.submitSummary(party, { text: file ? undefined : typed, file }, tx)
        if (!result.ok) {
          refusal = result.reason
          throw new Refused() // undo it all, the form's key too
        }
        return '/portal/summary'
      }).catch((e: unknown) => {
        if (e instanceof Refused) return undefined
        throw e
      })
      if (refusal || !next)
        return render(reply.code(400), party, fields, fieldError('summaryText', refusal ?? messages.nothing))
      request.session.flash = 'Thank you. Your summary has been sent'
      return reply.redirect(next, 303)
    })
  })
}
