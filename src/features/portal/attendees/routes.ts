// /portal/attendees: who will come to the meeting with the party (a supporter, an advocate, a
// colleague). Their own list only.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { isFamily, type PortalParty } from '../party-access.ts'
import { createPartyPages } from '../party-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { attendeeSchema } from './schema.ts'

const view = 'portal/attendees/view.njk'

export default async function portalAttendees(app: FastifyInstance, deps: AppDeps) {
  const pages = createPartyPages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) {
    return reply.view(view, {
      ...portalContext(deps, party, 'attendees'),
      people: await pages.attendees(party),
      family: isFamily(party.role),
      values,
      errors,
    })
  }

  app.get('/portal/attendees', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'attendees')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/attendees', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'attendees')
    if (!party) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(attendeeSchema, body),
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'name',
      submit: async ({ name, role, submissionKey }) => {
        const result = await service.addAttendee(party, { name, role, submissionKey })
        if (!result.ok) return result
        return { ok: true, redirect: '/portal/attendees', flash: `${name} has been added` }
      },
    })
  })

  // A button with no fields: nothing to put right, so no submitForm.
  app.post('/portal/attendees/:attendeeId/remove', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'attendees')
    if (!party) return reply
    const result = await service.removeAttendee(party, (request.params as { attendeeId: string }).attendeeId)
    if (!result.ok) return notFound(request, reply)
    request.session.flash = 'The person has been taken off your list'
    return reply.redirect('/portal/attendees', 303)
  })
}
