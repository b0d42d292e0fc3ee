// /cases/:id/progress/council-contact: the council's SEN team's email address (and phone), so
// that the council is sent its invitations. The progress page points here while the council party
// has no email address, and so does the meeting booked without a way to reach the council.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { caseWorkers } from '../../access.ts'
import { actorOf, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../../case-page.ts'
import { councilContactSchema } from './schema.ts'
import { councilContactOf, setCouncilContact } from './service.ts'

export const councilContactPath = (caseId: string) => `/cases/${caseId}/progress/council-contact`

export default async function councilContact(app: FastifyInstance, deps: AppDeps) {
  const { db } = deps.database
  const { clock } = deps

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    typed?: { values: Record<string, unknown>; errors: FormErrors },
  ) {
    const party = await councilContactOf(db, found.id)
    if (!party) return reply.code(404).view('cases/not-found.njk')
    // After a refusal because someone else changed it, the form is on the details as they are now.
    const stale = reply.statusCode === 409
    return reply.view('cases/progress/council-contact/view.njk', {
      ...caseContext(found, 'progress'),
      council: party.organisation || party.name || found.localAuthorityName,
      current: { email: party.email, phone: party.phone },
      values: {
        email: party.email ?? '',
        phone: party.phone ?? '',
        ...typed?.values,
        version: stale || !typed ? String(party.version) : typed.values.version,
      },
      errors: typed?.errors,
    })
  }

  app.get('/cases/:id/progress/council-contact', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(reply, found)
  })

  app.post('/cases/:id/progress/council-contact', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(councilContactSchema, body),
      render: (reply, typed) => render(reply, found, typed),
      field: 'email',
      submit: async ({ email, phone, version }) => {
        const result = await setCouncilContact(
          { db, clock },
          { caseId: found.id, contact: { email, phone }, expectedVersion: version, actor: actorOf(request) },
        )
        if (!result.ok) return result
        return {
          ok: true,
          redirect: `/cases/${found.id}/progress`,
          flash: "The council's SEN team contact details are saved. The council will be sent its invitations.",
        }
      },
    })
  })
}
