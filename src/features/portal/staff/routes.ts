// /cases/:id/portal (staff: coordinators, managers, administrators): the portal's side of a case.
// Record the family's permission for a third party who referred them (a SENDIASS officer, say)
// to see the case in the portal, withdraw it, and read the parties' feedback and complaints.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { dateInputValues, submitForm, type FormErrors } from '../../../web/forms.ts'
import { actorOf, caseContext, caseForView, caseWorkers, visibleCaseOr404, type CaseRow } from '../../cases/index.ts'
import { createPortalStaffService } from '../staff-service.ts'
import { readPermission } from './schema.ts'

const view = 'portal/staff/view.njk'
const access = { access: caseWorkers }

export default async function portalStaff(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalStaffService({ db, clock: deps.clock })

  async function render(reply: FastifyReply, found: CaseRow, values?: Record<string, unknown>, errors?: FormErrors) {
    const page = await service.page(found.id)
    return reply.view(view, {
      ...caseContext(found, 'overview'),
      referrerItems: page.referrers.map((r) => ({ value: r.id, text: r.name })),
      permissions: page.permissions,
      feedback: page.feedback,
      complaints: page.complaints,
      values: values ?? { ...dateInputValues('givenOn', deps.clock.today()) },
      errors,
    })
  }

  app.get('/cases/:id/portal', { config: access }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/portal/permissions', { config: access }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: readPermission,
      render: (reply, { values, errors }) => render(reply, found, values, errors),
      field: 'party',
      submit: async (input) => {
        const result = await service.recordPermission(found.id, input, actorOf(request))
        if (!result.ok) return result
        return {
          ok: true,
          redirect: `/cases/${found.id}/portal`,
          flash: 'Permission recorded. They can now sign in to the portal for this case',
        }
      },
    })
  })

  // A button with no fields: nothing to put right, so no submitForm.
  app.post('/cases/:id/portal/permissions/:permissionId/withdraw', { config: access }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const { permissionId } = request.params as { permissionId: string }
    const result = await service.withdrawPermission(found.id, permissionId, actorOf(request))
    if (!result.ok) return notFound(request, reply)
    request.session.flash = 'Permission withdrawn. Their access to the portal has ended'
    return reply.redirect(`/cases/${found.id}/portal`, 303)
  })
}
