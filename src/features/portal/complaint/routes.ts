// /portal/complaint: a complaint, recorded once (its submission key) in party_feedback for staff,
// and acknowledged with what happens next, including the Civil Mediation Council's route.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { submitOnce } from '../../../web/submission.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { complaintSchema } from './schema.ts'

export default async function portalComplaint(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

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
    const form = parseForm(complaintSchema, request.body)
    if (!form.ok) return render(reply.code(400), party, (request.body ?? {}) as Record<string, unknown>, form.errors)
    const next = await submitOnce(db, deps.clock, request.body, async (tx) => {
      await service.recordFeedback(
        party,
        'complaint',
        { complaint: form.data.complaint, outcome: form.data.outcome },
        form.data.submissionKey,
        tx,
      )
      return '/portal/complaint/received'
    })
    return reply.redirect(next, 303)
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
