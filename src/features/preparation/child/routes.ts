// /cases/:id/preparation/child: the voice of the child. The child's or young person's views, how
// and when they were gathered, and whether (and with whom) they agreed to share them. Staff read
// them here; a party will read them only if the child agreed (childViewsVisibleTo, for the portal).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import {
  asArray,
  combineErrors,
  dateProblem,
  fieldError,
  itemsOf,
  parseForm,
  readDateInput,
  submitForm,
  type FormErrors,
} from '../../../web/forms.ts'
import { actorOf, caseForView, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { gatheredByLabels } from '../labels.ts'
import { base, pageContext, preparationAccess } from '../page.ts'
import { createPreparationPages } from '../page-service.ts'
import { createPreparationService } from '../service.ts'
import { childViewsFieldOrder, childViewsSchema, viewsMaxLength } from './schema.ts'

const view = 'preparation/child/view.njk'

export default async function childViewsPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createPreparationPages({ db: deps.database.db, clock: deps.clock })
  const service = createPreparationService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const { records, roles } = await pages.childViews(found.id)
    const values = extra.values ?? {}
    const ticked = (asArray(values.shareWith) as unknown[]).map(String)
    return reply.view(view, {
      ...pageContext(found),
      records,
      gatheredByItems: itemsOf(gatheredByLabels),
      shareItems: roles.map((role) => ({ ...role, checked: ticked.includes(role.value) })),
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
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => {
        const form = parseForm(childViewsSchema, body)
        const date = readDateInput(body, 'gatheredOn', 'the date their views were gathered')
        const future =
          date.ok && date.value > deps.clock.today()
            ? fieldError('gatheredOn-day', 'The date their views were gathered must be today or in the past')
            : undefined
        const noOne =
          form.ok && form.data.consentToShare === 'yes' && !form.data.shareWith.length
            ? fieldError('shareWith', 'Select who they agreed can see their views')
            : undefined
        const errors = combineErrors(
          childViewsFieldOrder,
          form.ok ? undefined : form.errors,
          dateProblem(date),
          future,
          noOne,
        )
        if (errors || !form.ok || !date.ok) return { ok: false, errors: errors! }
        return { ok: true, data: { ...form.data, gatheredOn: date.value } }
      },
      render: (reply, extra) => render(reply, found, extra),
      field: 'views',
      submit: async (form) => {
        const result = await service.recordChildViews(
          found.id,
          {
            views: form.views,
            gatheredBy: form.gatheredBy,
            gatheredOn: form.gatheredOn,
            consentToShare: form.consentToShare === 'yes',
            shareWith: form.shareWith,
            submissionKey: form.submissionKey,
          },
          { actor: actorOf(request) },
        )
        if (!result.ok) return result
        return { ok: true, redirect: `${base(found.id)}/child`, flash: "The child's views are recorded" }
      },
    })
  })
}
