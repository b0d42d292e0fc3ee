// /portal/meeting: when and where the meeting is, and the party's answer: coming or not
// (meeting_responses, for the invitation as it stands: a moved meeting asks again).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { createCasePages } from '../case-pages.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { responseSchema } from './schema.ts'

const view = 'portal/meeting/view.njk'

export default async function portalMeeting(app: FastifyInstance, deps: AppDeps) {
  const pages = createCasePages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { meeting, response } = await pages.meeting(party)
    return reply.view(view, {
      ...portalContext(deps, party, 'meeting'),
      meeting,
      canRespond: party.role !== 'referrer',
      response,
      values: values ?? {
        attending: response ? (response.attending ? 'yes' : 'no') : undefined,
        note: response?.note ?? '',
      },
      errors,
    })
  }

  app.get('/portal/meeting', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'meeting')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/meeting', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'meeting')
    if (!party) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(responseSchema, body),
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'attending',
      submit: async ({ meetingId, attending, note }) => {
        const result = await service.respondToMeeting(party, { meetingId, attending: attending === 'yes', note })
        if (!result.ok) return result
        const flash =
          attending === 'yes'
            ? 'Thank you. We have noted that you will come'
            : 'Thank you. We have noted that you cannot come. We will be in touch'
        return { ok: true, redirect: '/portal/meeting', flash }
      },
    })
  })
}
