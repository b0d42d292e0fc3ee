// /cases/:id/scope: a coordinator decides which service the case is for, or signposts it elsewhere.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Db } from '../../../db/client.ts'
import { currentUser } from '../../../web/auth.ts'
import { planSections } from '../../../domain/appeal-subject.ts'
import { ehcDecisions } from '../../../domain/request.ts'
import { asArray, itemsOf, submitForm, type FormErrors } from '../../../web/forms.ts'
import { caseWorkers } from '../access.ts'
import { caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../case-page.ts'
import { scopeLabel } from '../labels.ts'
import { decideScope } from '../scope-decision.ts'
import { parseScopeForm } from './schema.ts'
import { scopePage } from './service.ts'

const view = 'cases/scope/view.njk'

async function render(
  db: Db,
  reply: FastifyReply,
  found: CaseRow,
  extra: { values?: object; errors?: FormErrors; version?: number } = {},
) {
  const page = await scopePage(db, found)
  const values = (extra.values ?? {}) as Record<string, unknown>
  // Ticked as sent, or else as the last decision recorded them.
  const ticked = (field: 'appealDecisions' | 'appealSections', last: string[] | undefined) =>
    extra.values ? (asArray(values[field]) as string[]) : (last ?? [])
  return reply.view(view, {
    ...caseContext(found, 'scope'),
    ...page,
    values,
    errors: extra.errors,
    version: extra.version ?? found.version,
    decisionItems: itemsOf(ehcDecisions, ticked('appealDecisions', page.decision?.appealSubject?.decisions)),
    sectionItems: itemsOf(planSections, ticked('appealSections', page.decision?.appealSubject?.sections)),
  })
}

export default async function scopeDecision(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  const config = { access: caseWorkers }

  app.get('/cases/:id/scope', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(database.db, reply, found)
  })

  app.post('/cases/:id/scope', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    return submitForm(request, reply, {
      parse: parseScopeForm,
      // A form to fix keeps the version it was shown with; a stale one shows the case as it is now,
      // keeping what was typed, to submit again once checked.
      render: (reply, { values, errors }) =>
        render(database.db, reply, found, {
          values,
          errors,
          version: reply.statusCode === 409 ? found.version : Number(values.version) || 0,
        }),
      submit: async (form) => {
        const decided = await decideScope(database.db, clock, {
          caseId: found.id,
          version: form.version,
          scope: form.scope,
          reason: form.reason,
          agencyId: form.scope === 'out-of-scope' ? form.agency : undefined,
          appealSubject:
            form.appealDecisions.length || form.appealSections.length
              ? { decisions: form.appealDecisions, sections: form.appealSections }
              : undefined,
          actor: { userId: user.id, label: user.name },
        })
        if (!decided.ok) return decided
        const flash =
          form.scope === 'out-of-scope'
            ? 'Scope decided: out of scope, signposted elsewhere'
            : `Scope decided: ${scopeLabel(form.scope)}`
        return { ok: true, redirect: `/cases/${found.id}`, flash }
      },
      field: 'case-now',
    })
  })
}
