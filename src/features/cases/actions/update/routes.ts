// /cases/:id/updates/new?party=<id>: record an update given to one person, by any channel. It
// restarts their update clock ("Keeping everyone informed" and Today).
// The folder sits under actions/ (the pages that record what happened) rather than mirroring the URL.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { dateInputValues, type FormErrors } from '../../../../web/forms.ts'
import { caseWorkers } from '../../access.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../case-page.ts'
import { checkFields, type Field } from '../fields.ts'
import { submitStep } from '../step-form.ts'
import { updateFields } from './schema.ts'
import { recordPartyUpdate, whoCanBeUpdated } from './service.ts'

const view = 'cases/actions/update/view.njk'

function render(
  reply: FastifyReply,
  found: CaseRow,
  fields: Field[],
  extra: { values: Record<string, unknown>; errors?: FormErrors },
) {
  return reply.view(view, {
    ...caseContext(found, 'progress'),
    fields,
    values: extra.values,
    errors: extra.errors,
    version: found.version,
  })
}

export default async function recordUpdate(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  const config = { access: caseWorkers }

  app.get('/cases/:id/updates/new', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const party = (request.query as { party?: unknown }).party
    const values = {
      ...dateInputValues('occurredOn', clock.today()),
      party: typeof party === 'string' ? party : undefined,
    }
    return render(reply, found, updateFields(await whoCanBeUpdated(database.db, found.id)), { values })
  })

  app.post('/cases/:id/updates/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    // The people in the case are the form's choices: read first, to check the one chosen.
    const fields = updateFields(await whoCanBeUpdated(database.db, found.id))
    return submitStep(request, reply, {
      fields,
      check: (body) => checkFields(fields, body, clock.today()),
      render: (reply, extra) => render(reply, found, fields, extra),
      submit: async (v, version) => {
        const recorded = await recordPartyUpdate(
          { db: database.db, clock },
          found.id,
          { partyId: String(v.party), channel: String(v.channel), note: String(v.note) },
          { actor: actorOf(request), occurredOn: String(v.occurredOn), expectedVersion: version },
        )
        return recorded.ok ? { ok: true, redirect: `/cases/${found.id}/progress`, flash: 'Update recorded' } : recorded
      },
    })
  })
}
