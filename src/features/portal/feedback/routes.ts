// /portal/feedback: a short survey after the meeting (2 questions and a comment), recorded once
// (its submission key) in party_feedback for staff to read.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { itemsOf, parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { feedbackSchema, heardLabels, satisfactionLabels } from './schema.ts'

export default async function portalFeedback(app: FastifyInstance, deps: AppDeps) {
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

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
    return submitForm(request, reply, {
      parse: (body) => parseForm(feedbackSchema, body),
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'satisfaction',
      submit: async ({ satisfaction, heard, comment, submissionKey }) => {
        const answers = { satisfaction, heard, comment }
        const result = await service.recordFeedback(party, { kind: 'feedback', answers, submissionKey })
        if (!result.ok) return result
        return {
          ok: true,
          redirect: '/portal',
          flash: 'Thank you for your feedback. It helps us make the service better',
        }
      },
    })
  })
}
