// /cases/:id/messages/update: the regular update owed to people in a case, written once and sent in
// one step (update-service.ts). The people owed an update are chosen already; a preview shows each
// message as it will be sent, by each person's own way.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { fieldError, parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { formatDate } from '../../../../web/format.ts'
import { actorOf, caseWorkers, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../../cases/index.ts'
import { createUpdateService } from '../../update-service.ts'
import { nextStepMaxLength, previewUpdateSchema, sendUpdateSchema, updateMaxLength } from './schema.ts'

const view = 'messages/case-messages/update/view.njk'

export default async function sendUpdate(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const updates = createUpdateService({ db, clock: deps.clock })
  const config = { access: caseWorkers }

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values: Record<string, unknown>; errors?: FormErrors; previews?: unknown[] },
  ) {
    const page = await updates.page(found.id)
    const caseRow = page.caseRow ?? found
    const chosen = [extra.values.parties ?? []].flat().map(String)
    return reply.view(view, {
      ...caseContext(caseRow, 'messages'),
      // Someone else changed the case (409): the form starts again from the case as it is now.
      version: reply.statusCode === 409 ? caseRow.version : (extra.values.version ?? caseRow.version),
      values: extra.values,
      errors: extra.errors,
      previews: extra.previews,
      updateMaxLength,
      nextStepMaxLength,
      unreachable: page.people.filter((p) => !p.route),
      partyItems: page.people
        .filter((p) => p.route)
        .map((p) => ({
          value: p.id,
          text: p.label,
          checked: chosen.includes(p.id),
          hint: {
            text: `${p.route!.text}. ${p.owed ? `Update owed since ${formatDate(p.dueDate!)}` : p.dueDate ? `Next update due ${formatDate(p.dueDate)}` : 'No update owed'}.`,
          },
        })),
    })
  }

  app.get('/cases/:id/messages/update', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const { people } = await updates.page(found.id)
    const parties = updates.startingChoice(people, (request.query as { party?: unknown }).party)
    return render(reply, found, { values: { parties } })
  })

  app.post('/cases/:id/messages/update', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    // "Preview" answers with the page (each message as it will be sent), not a redirect.
    if (body.action !== 'send') {
      const form = parseForm(previewUpdateSchema, body)
      if (!form.ok) return render(reply.code(400), found, { values: body, errors: form.errors })
      const { parties, update, nextStep } = form.data
      const shown = await updates.preview(found, { partyIds: parties, update, nextStep })
      if (!shown.ok)
        return render(reply.code(400), found, { values: body, errors: fieldError('parties', shown.reason) })
      return render(reply, found, { values: body, previews: shown.previews })
    }
    return submitForm(request, reply, {
      parse: (fields) => parseForm(sendUpdateSchema, fields),
      render: (reply, extra) => render(reply, found, extra),
      field: 'parties',
      submit: async (data) => {
        const { parties, update, nextStep, version, submissionKey } = data
        const input = { partyIds: parties, update, nextStep, expectedVersion: version, submissionKey }
        const result = await updates.send(found, input, actorOf(request))
        if (!result.ok) return result
        const people = result.sent === 1 ? 'person' : 'people'
        return {
          ok: true,
          redirect: `/cases/${found.id}/messages`,
          flash: `Update sent to ${result.sent} ${people}`,
        }
      },
    })
  })
}
