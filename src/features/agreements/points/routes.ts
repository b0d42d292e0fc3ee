// /cases/:id/agreement/points/new and /points/:pointId: write a point of the draft agreement in
// the participants' own words (who, what, by when, how everyone will know, whether it could
// otherwise be appealed), with the SMART advice beside it. The advice never stops a save.
// /points/:pointId/remove and /move change the list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { agreementPoints } from '../../../db/schema/index.ts'
import { appealableKindLabels, pointDueDate, APPEALABLE_KINDS } from '../../../domain/agreement-rules.ts'
import { smartCheck } from '../../../domain/smart-check.ts'
import { formatDate } from '../../../web/format.ts'
import { dateInputValues, type FormErrors } from '../../../web/forms.ts'
import { submitOnce } from '../../../web/submission.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { currentCalendar } from '../../settings/index.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService, mediationParties, Refusal, type PointInput } from '../service.ts'
import { readPoint } from './schema.ts'

const view = 'agreements/points/view.njk'
type Params = { Params: { id: string; pointId: string } }
const guid = z.guid()

export default async function pointPages(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const clock = deps.clock
  const service = createAgreementService({ db, clock })

  async function findPoint(caseId: string, pointId: string) {
    if (!guid.safeParse(pointId).success) return undefined
    const [row] = await db
      .select()
      .from(agreementPoints)
      .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.caseId, caseId)))
    return row
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    options: {
      pointId?: string
      values: Record<string, unknown>
      errors?: FormErrors
      advice?: ReturnType<typeof smartCheck>
    },
  ) {
    const parties = await mediationParties(db, found.id)
    const calendar = await currentCalendar(db)
    const today = clock.today()
    const v = options.values
    const statutory = (kind: string | null) => pointDueDate({ appealableKind: kind }, today, calendar).statutoryDueDate
    return reply.view(view, {
      ...pageContext(found, request),
      pointId: options.pointId,
      values: v,
      errors: options.errors,
      advice: options.advice ?? [],
      partyItems: [
        ...parties.map((p) => ({
          value: p.id,
          text: p.label.charAt(0).toUpperCase() + p.label.slice(1),
          checked: v.responsiblePartyId === p.id,
        })),
        { value: 'none', text: 'Someone else: name them below', checked: v.responsiblePartyId === 'none' },
      ],
      kindItems: [
        {
          value: 'none',
          text: 'No, it could not be appealed',
          hint: { text: `Due within 2 weeks of the agreement: ${formatDate(statutory(null))} if made final today.` },
          checked: v.appealableKind === 'none',
        },
        ...APPEALABLE_KINDS.map((k) => ({
          value: k,
          text: appealableKindLabels[k],
          hint: { text: `The law's date if made final today: ${formatDate(statutory(k))}.` },
          checked: v.appealableKind === k,
        })),
      ],
      ownTimescaleItems: [
        {
          value: 'yes',
          text: 'The parties agreed this timescale in writing',
          hint: { text: "Then the date above counts, even if it is later than the law's date." },
          checked: ([] as unknown[]).concat(v.ownTimescale ?? []).includes('yes'),
        },
      ],
    })
  }

  const valuesOf = (p: typeof agreementPoints.$inferSelect) => ({
    version: String(p.version),
    responsiblePartyId: p.responsiblePartyId ?? 'none',
    responsibleName: p.responsibleName ?? '',
    what: p.what,
    howKnown: p.howKnown ?? '',
    appealableKind: p.appealableKind ?? 'none',
    ownTimescale: p.ownTimescaleAgreed ? ['yes'] : [],
    ...dateInputValues('byWhen', p.byWhen ?? undefined),
  })

  const adviceFor = async (p: PointInput | typeof agreementPoints.$inferSelect) => {
    const calendar = await currentCalendar(db)
    return smartCheck(
      { ...p, statutoryDueDate: pointDueDate(p, clock.today(), calendar).statutoryDueDate },
      clock.today(),
    )
  }

  app.get('/cases/:id/agreement/points/new', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found, { values: {} })
  })

  app.post('/cases/:id/agreement/points/new', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const read = readPoint(body)
    if (!read.ok) return render(request, reply.code(400), found, { values: body, errors: read.errors })
    try {
      const to = await submitOnce(db, clock, body, async (tx) => {
        const point = await service.addPoint(tx, found.id, read.point, actorOf(request))
        return `${base(found.id)}#point-${point.id}`
      })
      const advice = await adviceFor(read.point)
      request.session.flash = advice.length
        ? 'Point added. See the advice beside it to make it more specific.'
        : 'Point added'
      return reply.redirect(to, 303)
    } catch (e) {
      if (!(e instanceof Refusal)) throw e
      return render(request, reply.code(statusFor(e.code)), found, {
        values: body,
        errors: problem(e.field ?? 'what', e.message),
      })
    }
  })

  app.get<Params>('/cases/:id/agreement/points/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const point = await findPoint(found.id, request.params.pointId)
    if (!point) return reply.code(404).view('cases/not-found.njk')
    return render(request, reply, found, { pointId: point.id, values: valuesOf(point), advice: await adviceFor(point) })
  })

  app.post<Params>('/cases/:id/agreement/points/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const point = await findPoint(found.id, request.params.pointId)
    if (!point) return reply.code(404).view('cases/not-found.njk')
    const body = (request.body ?? {}) as Record<string, unknown>
    const read = readPoint(body)
    if (!read.ok)
      return render(request, reply.code(400), found, { pointId: point.id, values: body, errors: read.errors })
    const result = await service.editPoint(found.id, point.id, read.point, {
      actor: actorOf(request),
      version: read.version ?? -1,
    })
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, {
        pointId: point.id,
        values: body,
        errors: problem(result.field ?? 'what', result.reason),
      })
    const advice = await adviceFor(read.point)
    request.session.flash = advice.length
      ? 'Point saved. See the advice beside it to make it more specific.'
      : 'Point saved'
    return reply.redirect(`${base(found.id)}#point-${point.id}`, 303)
  })

  const removeSchema = z.object({ _csrf: z.string(), version: z.string().regex(/^\d{1,9}$/) }).strict()
  app.post<Params>(
    '/cases/:id/agreement/points/:pointId/remove',
    { config: agreementAccess },
    async (request, reply) => {
      const found = await visibleCaseOr404(db, request, reply)
      if (!found) return reply
      const form = removeSchema.safeParse(request.body)
      if (!guid.safeParse(request.params.pointId).success || !form.success)
        return reply.code(400).view('agreements/points/refused.njk', {
          ...pageContext(found, request),
          reason: 'That could not be done. Go back to the agreement and try again.',
        })
      const result = await service.removePoint(found.id, request.params.pointId, {
        actor: actorOf(request),
        version: Number(form.data.version),
      })
      if (!result.ok)
        return reply
          .code(statusFor(result.code))
          .view('agreements/points/refused.njk', { ...pageContext(found, request), reason: result.reason })
      request.session.flash = 'Point removed'
      return reply.redirect(base(found.id), 303)
    },
  )

  const moveSchema = z
    .object({ _csrf: z.string(), direction: z.enum(['up', 'down']), agreementVersion: z.string().regex(/^\d{1,9}$/) })
    .strict()
  app.post<Params>('/cases/:id/agreement/points/:pointId/move', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const form = moveSchema.safeParse(request.body)
    if (!guid.safeParse(request.params.pointId).success || !form.success)
      return reply.code(400).view('agreements/points/refused.njk', {
        ...pageContext(found, request),
        reason: 'That could not be done. Go back to the agreement and try again.',
      })
    const result = await service.movePoint(found.id, request.params.pointId, form.data.direction, {
      actor: actorOf(request),
      agreementVersion: Number(form.data.agreementVersion),
    })
    if (!result.ok)
      return reply
        .code(statusFor(result.code))
        .view('agreements/points/refused.njk', { ...pageContext(found, request), reason: result.reason })
    request.session.flash = 'Point moved'
    return reply.redirect(`${base(found.id)}#point-${request.params.pointId}`, 303)
  })
}
