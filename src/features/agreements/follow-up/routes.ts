// /cases/:id/agreement/follow-up/:pointId: whether a point of the final agreement was kept, kept
// late or not kept, with a note. The point's deadline is then met (or stopped).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { and, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { agreementPoints } from '../../../db/schema/index.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { actorOf, agreementAccess, base, caseForView, pageContext, problem, statusFor } from '../page.ts'
import { createAgreementService } from '../service.ts'
import { loadAgreement } from '../view-model.ts'
import { followUpSchema } from './schema.ts'

const view = 'agreements/follow-up/view.njk'
type Params = { Params: { id: string; pointId: string } }

export default async function followUpPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createAgreementService({ db, clock: deps.clock })

  async function pointOf(caseId: string, pointId: string) {
    if (!z.guid().safeParse(pointId).success) return undefined
    const data = await loadAgreement(db, deps.clock, caseId)
    if (data.agreement?.status !== 'final') return undefined
    return data.points.find((p) => p.id === pointId)
  }

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    point: NonNullable<Awaited<ReturnType<typeof pointOf>>>,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const values = extra.values ?? {
      version: String(point.version),
      outcome: point.followUp === 'open' ? undefined : point.followUp,
      note: point.followUpNote ?? '',
    }
    return reply.view(view, {
      ...pageContext(found, request),
      point,
      values,
      errors: extra.errors,
      outcomeItems: [
        { value: 'kept', text: 'Kept: done by the due date' },
        { value: 'late', text: 'Kept, but late' },
        { value: 'not-kept', text: 'Not kept' },
      ].map((i) => ({ ...i, checked: values.outcome === i.value })),
    })
  }

  const notFound = (reply: FastifyReply) => reply.code(404).view('cases/not-found.njk')

  app.get<Params>('/cases/:id/agreement/follow-up/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const point = await pointOf(found.id, request.params.pointId)
    return point ? render(request, reply, found, point) : notFound(reply)
  })

  app.post<Params>('/cases/:id/agreement/follow-up/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const point = await pointOf(found.id, request.params.pointId)
    if (!point) return notFound(reply)
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(followUpSchema, body)
    if (!form.ok) return render(request, reply.code(400), found, point, { values: body, errors: form.errors })
    const result = await service.recordFollowUp(
      found.id,
      point.id,
      { outcome: form.data.outcome, note: form.data.note || null },
      { actor: actorOf(request), version: Number(form.data.version) },
    )
    if (!result.ok)
      return render(request, reply.code(statusFor(result.code)), found, point, {
        values: body,
        errors: problem(result.field ?? 'outcome', result.reason),
      })
    const [saved] = await db
      .select()
      .from(agreementPoints)
      .where(and(eq(agreementPoints.id, point.id)))
    request.session.flash = `Point ${point.number} recorded as ${saved?.followUp === 'not-kept' ? 'not kept' : saved?.followUp === 'late' ? 'kept late' : 'kept'}`
    return reply.redirect(`${base(found.id)}#follow-${point.id}`, 303)
  })
}
