// /cases/:id/updates/new?party=<id>: record an update given to one person, by any channel. It
// restarts their update clock ("Keeping everyone informed" and Today).
// The folder sits under actions/ (the pages that record what happened) rather than mirroring the URL.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Db } from '../../../../db/client.ts'
import { caseWorkers } from '../../access.ts'
import { currentUser } from '../../../../web/auth.ts'
import { dateInputValues, type FormErrors } from '../../../../web/forms.ts'
import { recordAccess } from '../../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../../case-page.ts'
import { labelOf, partyRoles } from '../../labels.ts'
import { findCase, partiesOf, type CaseRow } from '../../repository.ts'
import { createWorkflowService } from '../../workflow-service.ts'
import { checkFields, typedValues, versionOf, type Field } from '../fields.ts'
import { updateFields } from './schema.ts'

const view = 'cases/actions/update/view.njk'

async function fieldsFor(db: Db, caseId: string): Promise<Field[]> {
  const parties = await partiesOf(db, caseId)
  return updateFields(
    parties.map((p) => ({
      id: p.id,
      text: `${p.name || p.organisation || 'Not named'} (${labelOf(partyRoles, p.role)})`,
    })),
  )
}

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

export default async function recordUpdate(app: FastifyInstance, { database, clock }: AppDeps) {
  const config = { access: caseWorkers }

  app.get('/cases/:id/updates/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/updates/new`,
    })
    const party = (request.query as { party?: unknown }).party
    const values = {
      ...dateInputValues('occurredOn', clock.today()),
      party: typeof party === 'string' ? party : undefined,
    }
    return render(reply, found, await fieldsFor(database.db, found.id), { values })
  })

  app.post('/cases/:id/updates/new', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    const fields = await fieldsFor(database.db, found.id)
    const values = typedValues(fields, request.body)
    const checked = checkFields(fields, request.body, clock.today())
    if (!checked.ok) return render(reply.code(400), found, fields, { values, errors: checked.errors })

    const v = checked.values
    const result = await createWorkflowService({ db: database.db, clock }).recordUpdate(
      found.id,
      { partyId: String(v.party), channel: String(v.channel), note: String(v.note) },
      {
        actor: { userId: user.id, label: user.name },
        occurredOn: String(v.occurredOn),
        expectedVersion: versionOf(request.body),
      },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      const now = result.code === 'stale' ? ((await findCase(database.db, found.id)) ?? found) : found
      const status = result.code === 'invalid' ? 400 : 409
      return render(reply.code(status), now, fields, {
        values,
        errors: { summary: [{ text: result.reason, href: '#case-now' }], fields: {} },
      })
    }
    request.session.flash = 'Update recorded'
    return reply.redirect(`/cases/${found.id}/progress`, 303)
  })
}
