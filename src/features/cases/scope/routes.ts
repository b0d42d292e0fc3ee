// /cases/:id/scope: a coordinator decides which service the case is for, or signposts it elsewhere.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Db } from '../../../db/client.ts'
import { disagreementAreas, ehcDecisions } from '../../../domain/request.ts'
import { currentUser } from '../../../web/auth.ts'
import { fieldError, type FormErrors } from '../../../web/forms.ts'
import { caseWorkers } from '../access.ts'
import { recordAccess } from '../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../case-page.ts'
import { labelOf, scopeLabel } from '../labels.ts'
import { latestScopeDecision, listAgencies, type CaseRow } from '../repository.ts'
import { decideScope } from '../scope-decision.ts'
import { agencyRequired, parseScopeForm } from './schema.ts'

const view = 'cases/scope/view.njk'
export const staleMessage = 'Someone else changed this case while you were working on it. Check the case and try again.'

async function render(
  db: Db,
  reply: FastifyReply,
  found: CaseRow,
  extra: { values?: object; errors?: FormErrors; version?: number } = {},
) {
  const [agencies, decision] = await Promise.all([listAgencies(db), latestScopeDecision(db, found.id)])
  return reply.view(view, {
    ...caseContext(found, 'scope'),
    agencies,
    decision: decision ? { ...decision, scopeText: scopeLabel(decision.scope) } : undefined,
    asked: {
      areas: (found.request.areas ?? []).map((a) => labelOf(disagreementAreas, a)),
      decision: found.request.decision ? labelOf(ehcDecisions, found.request.decision.kind) : undefined,
    },
    values: extra.values ?? {},
    errors: extra.errors,
    version: extra.version ?? found.version,
  })
}

export default async function scopeDecision(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: caseWorkers }

  app.get('/cases/:id/scope', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/scope`,
    })
    return render(database.db, reply, found)
  })

  app.post('/cases/:id/scope', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const sentVersion = Number(body.version) || 0

    const form = parseScopeForm(body)
    if (!form.ok)
      return render(database.db, reply.code(400), found, { values: body, errors: form.errors, version: sentVersion })

    const result = await decideScope(database.db, clock, {
      caseId: found.id,
      version: form.data.version,
      scope: form.data.scope,
      reason: form.data.reason,
      agencyId: form.data.scope === 'out-of-scope' ? form.data.agency : undefined,
      actor: { userId: user.id, label: user.name },
    })
    if (!result.ok) {
      if (result.problem === 'stale') {
        // Show the case as it is now; what they typed stays, to submit again once checked.
        const errors: FormErrors = { summary: [{ text: staleMessage, href: '#case-now' }], fields: {} }
        return render(database.db, reply.code(409), found, { values: body, errors })
      }
      // An agency that is not in the list (or none): the same message as leaving it out.
      return render(database.db, reply.code(400), found, {
        values: body,
        errors: fieldError('agency', agencyRequired),
        version: sentVersion,
      })
    }
    request.session.flash =
      form.data.scope === 'out-of-scope'
        ? 'Scope decided: out of scope, signposted elsewhere'
        : `Scope decided: ${scopeLabel(form.data.scope)}`
    return reply.redirect(`/cases/${found.id}`, 303)
  })
}
