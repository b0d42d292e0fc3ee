// /cases/:id/preparation/child: the voice of the child. The child's or young person's views, how
// and when they were gathered, and whether (and with whom) they agreed to share them. Staff read
// them here; a party will read them only if the child agreed (childViewsVisibleTo, for the portal).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, readDateInput, type FormErrors } from '../../../web/forms.ts'
import { visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { childViewsOf, preparingParties } from '../repository.ts'
import {
  actorOf,
  base,
  caseForView,
  combineErrors,
  dateProblem,
  gatheredByLabels,
  itemsOf,
  newFormKey,
  pageContext,
  preparationAccess,
  problem,
} from '../page.ts'
import { partyRoleLabels } from '../rules.ts'
import { createPreparationService } from '../service.ts'
import { childViewsFieldOrder, childViewsSchema, viewsMaxLength } from './schema.ts'

const view = 'preparation/child/view.njk'

export default async function childViewsPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPreparationService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const [parties, records] = await Promise.all([preparingParties(db, found.id), childViewsOf(db, found.id)])
    const roles = [...new Set(parties.map((p) => p.role))]
    const values = extra.values ?? { formKey: newFormKey() }
    const ticked = ([] as unknown[]).concat(values.shareWith ?? [])
    return reply.view(view, {
      ...pageContext(found),
      records: records.map((r) => ({
        ...r,
        gatheredByLabel: gatheredByLabels[r.gatheredBy as keyof typeof gatheredByLabels] ?? r.gatheredBy,
        sharedWith: r.consentToShare ? r.shareWith.map((role) => partyRoleLabels[role] ?? role) : [],
      })),
      gatheredByItems: itemsOf(gatheredByLabels),
      shareItems: roles.map((role) => ({
        value: role,
        text: partyRoleLabels[role] ?? role,
        checked: ticked.includes(role),
      })),
      viewsMaxLength,
      values,
      errors: extra.errors,
    })
  }

  app.get('/cases/:id/preparation/child', { config: preparationAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/preparation/child', { config: preparationAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(childViewsSchema, body)
    const date = readDateInput(body, 'gatheredOn', 'the date their views were gathered')
    const future =
      date.ok && date.value > deps.clock.today()
        ? problem('gatheredOn-day', 'The date their views were gathered must be today or in the past')
        : undefined
    const noOne =
      form.ok && form.data.consentToShare === 'yes' && !form.data.shareWith.length
        ? problem('shareWith', 'Select who they agreed can see their views')
        : undefined
    const errors = combineErrors(
      childViewsFieldOrder,
      form.ok ? undefined : form.errors,
      dateProblem(date),
      future,
      noOne,
    )
    if (errors || !form.ok || !date.ok) return render(reply.code(400), found, { values: body, errors })

    const result = await service.recordChildViews(
      found.id,
      {
        views: form.data.views,
        gatheredBy: form.data.gatheredBy,
        gatheredOn: date.value,
        consentToShare: form.data.consentToShare === 'yes',
        shareWith: form.data.shareWith,
      },
      { actor: actorOf(request), formKey: form.data.formKey },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      return render(reply.code(400), found, { values: body, errors: problem(result.field ?? 'views', result.reason) })
    }
    request.session.flash = "The child's views are recorded"
    return reply.redirect(`${base(found.id)}/child`, 303)
  })
}
