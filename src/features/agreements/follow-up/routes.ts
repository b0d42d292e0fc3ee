// /cases/:id/agreement/follow-up/:pointId: whether a point of the final agreement was kept, kept
// late or not kept, with a note. The point's deadline is then met (or stopped).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import { actorOf, agreementAccess, agreementServiceOf, base, caseForChange, caseForView, pageContext } from '../page.ts'
import { followUpSchema } from './schema.ts'

const view = 'agreements/follow-up/view.njk'
type Params = { Params: { id: string; pointId: string } }
const recordedAs = { kept: 'kept', late: 'kept late', 'not-kept': 'not kept' } as const

export default async function followUpPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)
  type Point = NonNullable<Awaited<ReturnType<typeof agreements.followUpPage>>>

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    point: Point,
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

  app.get<Params>('/cases/:id/agreement/follow-up/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const point = await agreements.followUpPage(found.id, request.params.pointId)
    return point ? render(request, reply, found, point) : notFound(request, reply)
  })

  app.post<Params>('/cases/:id/agreement/follow-up/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    const point = await agreements.followUpPage(found.id, request.params.pointId)
    if (!point) return notFound(request, reply)
    return submitForm(request, reply, {
      parse: (body) => parseForm(followUpSchema, body),
      render: (reply, extra) => render(request, reply, found, point, extra),
      field: 'outcome',
      submit: async (form) => {
        const result = await agreements.recordFollowUp(
          found.id,
          point.id,
          { outcome: form.outcome, note: form.note || null },
          { actor: actorOf(request), version: Number(form.version) },
        )
        if (!result.ok) return result
        return {
          ok: true,
          redirect: `${base(found.id)}#follow-${point.id}`,
          flash: `Point ${point.number} recorded as ${recordedAs[form.outcome]}`,
        }
      },
    })
  })
}
