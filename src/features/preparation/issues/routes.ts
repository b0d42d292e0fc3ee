// /cases/:id/preparation/issues: each party's issues in their own words, tagged education, health
// or social care, ordered and merged into the meeting's agenda (buttons and forms: no JavaScript).
// A health issue brings in the health body: a warning until the health body is a party.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { fieldError, itemsOf, parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { actorOf, caseForView, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { issueAreas } from '../labels.ts'
import { base, pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'
import { createPreparationService } from '../service.ts'
import { addIssueSchema, issueMaxLength, mergeSchema, moveSchema } from './schema.ts'

const view = 'preparation/issues/view.njk'

export default async function issuesPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  const service = createPreparationService({ db: deps.database.db, clock: deps.clock })
  const url = (found: CaseRow) => `${base(found.id)}/issues`

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
  ) {
    return reply.view(view, {
      ...pageContext(found),
      ...(await pages.issues(found.id)),
      areaItems: itemsOf(issueAreas),
      issueMaxLength,
      values: extra.values ?? {},
      errors: extra.errors,
      version: extra.version ?? found.version,
    })
  }

  app.get('/cases/:id/preparation/issues', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/preparation/issues', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(addIssueSchema, body),
      render: (reply, extra) => render(reply, found, extra),
      field: 'party',
      submit: async (form) => {
        const result = await service.addIssue(
          found.id,
          { partyId: form.party, text: form.issueText, area: form.area, submissionKey: form.submissionKey },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        return { ok: true, redirect: url(found), flash: 'Issue added to the agenda' }
      },
    })
  })

  app.post('/cases/:id/preparation/issues/move', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => {
        const form = parseForm(moveSchema, body)
        return form.ok ? form : { ok: false, errors: fieldError('agenda', 'Select an issue to move') }
      },
      // A move is a button: nothing typed to show again.
      render: (reply, { errors }) => render(reply, found, { errors }),
      field: 'agenda',
      submit: async (form) => {
        const [issueId, direction] = form.move.split(':') as [string, 'up' | 'down']
        const result = await service.moveIssue(
          found.id,
          { issueId: issueId.toLowerCase(), direction },
          { actor: actorOf(request), expectedVersion: form.version },
        )
        if (!result.ok) return result
        return { ok: true, redirect: url(found), flash: `Issue moved ${direction}` }
      },
    })
  })

  app.post('/cases/:id/preparation/issues/merge', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(mergeSchema, body),
      // Shown again with the version it was sent with, unless someone else's change refused it.
      render: (reply, { values, errors }) =>
        reply.statusCode === 409
          ? render(reply, found, { errors })
          : render(reply, found, { values, errors, version: Number(values.version) || 0 }),
      field: 'agenda',
      submit: async (form) => {
        const result = await service.mergeIssue(
          found.id,
          { issueId: form.issue.toLowerCase(), intoId: form.into.toLowerCase() },
          { actor: actorOf(request), expectedVersion: form.version },
        )
        if (!result.ok) return result
        return { ok: true, redirect: url(found), flash: 'Issues merged' }
      },
    })
  })
}
