// /cases/:id/preparation/issues: each party's issues in their own words, tagged education, health
// or social care, ordered and merged into the meeting's agenda (buttons and forms: no JavaScript).
// A health issue brings in the health body: a warning until the health body is a party.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { issuesOf, preparingParties } from '../repository.ts'
import {
  actorOf,
  base,
  caseForView,
  issueAreas,
  itemsOf,
  newFormKey,
  pageContext,
  preparationAccess,
  problem,
} from '../page.ts'
import { createPreparationService, type ChangeResult } from '../service.ts'
import { addIssueSchema, issueMaxLength, mergeSchema, moveSchema } from './schema.ts'

const view = 'preparation/issues/view.njk'

export default async function issuesPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPreparationService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors; version?: number } = {},
  ) {
    const [parties, issues] = await Promise.all([preparingParties(db, found.id), issuesOf(db, found.id)])
    const labelOf = (partyId: string) => parties.find((p) => p.id === partyId)?.label ?? 'A party no longer in the case'
    const present = (i: (typeof issues)[number]) => ({
      ...i,
      party: labelOf(i.partyId),
      areaLabel: issueAreas[i.area as keyof typeof issueAreas] ?? i.area,
    })
    const agenda = issues
      .filter((i) => !i.mergedIntoId)
      .map((i) => ({ ...present(i), merged: issues.filter((m) => m.mergedIntoId === i.id).map(present) }))
    const healthIssues = issues.some((i) => i.area === 'health')
    return reply.view(view, {
      ...pageContext(found),
      agenda,
      partyItems: parties.map((p) => ({ value: p.id, text: p.label })),
      areaItems: itemsOf(issueAreas),
      issueItems: [
        { value: '', text: 'Select an issue' },
        ...agenda.map((i, n) => ({
          value: i.id,
          text: `${n + 1}. ${i.text.length > 60 ? `${i.text.slice(0, 60)}…` : i.text}`,
        })),
      ],
      healthWarning: healthIssues && !parties.some((p) => p.role === 'health'),
      issueMaxLength,
      values: extra.values ?? { formKey: newFormKey() },
      errors: extra.errors,
      version: extra.version ?? found.version,
    })
  }

  /** After a change: the page again, or the problem on it. */
  async function finish(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    result: ChangeResult,
    flash: string,
    values: Record<string, unknown>,
    defaultField: string,
  ) {
    if (result.ok) {
      request.session.flash = flash
      return reply.redirect(`${base(found.id)}/issues`, 303)
    }
    if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
    if (result.code === 'stale') return render(reply.code(409), found, { errors: problem('agenda', result.reason) })
    return render(reply.code(400), found, { values, errors: problem(result.field ?? defaultField, result.reason) })
  }

  app.get('/cases/:id/preparation/issues', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/preparation/issues', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(addIssueSchema, body)
    if (!form.ok) return render(reply.code(400), found, { values: body, errors: form.errors })
    const result = await service.addIssue(
      found.id,
      { partyId: form.data.party, text: form.data.issueText, area: form.data.area },
      { actor: actorOf(request), formKey: form.data.formKey },
    )
    return finish(request, reply, found, result, 'Issue added to the agenda', body, 'party')
  })

  app.post('/cases/:id/preparation/issues/move', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const form = parseForm(moveSchema, request.body)
    if (!form.ok) return render(reply.code(400), found, { errors: problem('agenda', 'Select an issue to move') })
    const [issueId, direction] = form.data.move.split(':') as [string, 'up' | 'down']
    const result = await service.moveIssue(
      found.id,
      { issueId: issueId.toLowerCase(), direction },
      { actor: actorOf(request), expectedVersion: form.data.version },
    )
    return finish(request, reply, found, result, `Issue moved ${direction}`, {}, 'agenda')
  })

  app.post('/cases/:id/preparation/issues/merge', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(mergeSchema, body)
    if (!form.ok)
      return render(reply.code(400), found, { values: body, errors: form.errors, version: Number(body.version) || 0 })
    const result = await service.mergeIssue(
      found.id,
      { issueId: form.data.issue.toLowerCase(), intoId: form.data.into.toLowerCase() },
      { actor: actorOf(request), expectedVersion: form.data.version },
    )
    return finish(request, reply, found, result, 'Issues merged', body, 'issue')
  })
}
