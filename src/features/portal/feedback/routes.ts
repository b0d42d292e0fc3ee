// /portal/feedback: a short survey after the meeting (2 questions and a comment), recorded once
// (its submission key) in party_feedback for staff to read.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors, itemsOf } from '../../../web/forms.ts'
import { submitOnce } from '../../../web/submission.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { feedbackSchema, heardLabels, satisfactionLabels } from './schema.ts'

export default async function portalFeedback(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  function render(reply: FastifyReply, party: PortalParty, values: Record<string, unknown> = {}, errors?: FormErrors) {
    return reply.view('portal/feedback/view.njk', {
      ...portalContext(deps, party, 'feedback'),
      satisfactionItems: itemsOf(satisfactionLabels),
      heardItems: itemsOf(heardLabels),
      values,
      errors,
    })
  }

  app.get('/portal/feedback', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'feedback')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/feedback', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'feedback')
    if (!party) return reply
    const form = parseForm(feedbackSchema, request.body)
    if (!form.ok) return render(reply.code(400), party, (request.body ?? {}) as Record<string, unknown>, form.errors)
    const { satisfaction, heard, comment } = form.data
    const next = await submitOnce(db, deps.clock, request.body, async (tx) => {
      await service.recordFeedback(party, 'feedback', { satisfaction, heard, comment }, form.data.submissionKey, tx)
      return '/portal'
    })
    request.session.flash = 'Thank you for your feedback. It helps us make the service better'
    return reply.redirect(next, 303)
  })
}
