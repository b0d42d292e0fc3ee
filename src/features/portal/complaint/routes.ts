// /portal/complaint: a complaint, recorded once (its submission key) in party_feedback for staff,
// and acknowledged with what happens next, including the Civil Mediation Council's route.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { complaintSchema } from './schema.ts'

export default async function portalComplaint(app: FastifyInstance, deps: AppDeps) {
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  function render(reply: FastifyReply, party: PortalParty, values: Record<string, unknown> = {}, errors?: FormErrors) {
    return reply.view('portal/complaint/view.njk', { ...portalContext(deps, party, 'complaint'), values, errors })
  }

  app.get('/portal/complaint', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'complaint')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/complaint', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'complaint')
    if (!party) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(complaintSchema, body),
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'complaint',
      submit: async ({ complaint, outcome, submissionKey }) => {
        const answers = { complaint, outcome }
        const result = await service.recordFeedback(party, { kind: 'complaint', answers, submissionKey })
        return result.ok ? { ok: true, redirect: '/portal/complaint/received' } : result
      },
    })
  })

  app.get('/portal/complaint/received', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'complaint')
    if (!party) return reply
    return reply.view('portal/complaint/received.njk', {
      ...portalContext(deps, party, 'complaint'),
      today: deps.clock.today(),
    })
  })
}
