// The decision on a request and what was done (POST /rights/:id/decision, /rights/:id/done), on
// the request's page. A rectification or erasure is accepted or refused, with the reasons kept; a
// refusal ends it. Accepted, a correction is made on the case's own pages (each change in the
// case's record) and then marked done with what was changed; an erasure anonymises each case the
// person was found in, in the same transaction as marking it done. A copy of the data (subject
// access) is marked done when it has been sent.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Result } from '../../../domain/result.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { rightsAccess } from '../access.ts'
import { eraseCases } from '../erase.ts'
import { createRightsPages } from '../page-service.ts'
import { createRightsService } from '../service.ts'
import { renderRequest } from '../request/render.ts'
import { decisionSchema, doneSchema } from '../request/schema.ts'

type Params = { Params: { id: string } }

export default async function decisionForms(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  const service = createRightsService({ db: deps.database.db, clock: deps.clock })

  async function answer(
    reply: FastifyReply,
    id: string,
    result: Result,
    field: string,
    values: Record<string, unknown>,
    flash: string,
  ) {
    if (result.ok) {
      reply.request.session.flash = flash
      return reply.redirect(`/rights/${id}`, 303)
    }
    if (result.code === 'not-found') return renderRequest(reply, pages, id)
    const errors = {
      summary: [{ text: result.reason, href: `#${result.field ?? field}` }],
      fields: { [result.field ?? field]: { text: result.reason } },
    }
    return renderRequest(reply.code(result.code === 'stale' ? 409 : 400), pages, id, { values, errors })
  }

  app.post<Params>('/rights/:id/decision', { config: rightsAccess }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(decisionSchema, values)
    if (!form.ok) return renderRequest(reply.code(400), pages, request.params.id, { values, errors: form.errors })
    const { version, decision, reason } = form.data
    const result = await service.decide(currentUser(request), auditActorOf(request), request.params.id, version, {
      accepted: decision === 'accepted',
      reason,
    })
    return answer(
      reply,
      request.params.id,
      result,
      'decision',
      values,
      decision === 'accepted' ? 'Request accepted' : 'Request refused',
    )
  })

  app.post<Params>('/rights/:id/done', { config: rightsAccess }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(doneSchema, values)
    if (!form.ok) return renderRequest(reply.code(400), pages, request.params.id, { values, errors: form.errors })
    const user = currentUser(request)
    const by = auditActorOf(request)
    const result = await service.complete(
      user,
      by,
      request.params.id,
      form.data.version,
      form.data.outcome,
      (tx, row) => (row.kind === 'erasure' ? eraseCases(tx, deps.clock, by, row) : Promise.resolve()),
    )
    return answer(reply, request.params.id, result, 'outcome', values, 'Request done')
  })
}
