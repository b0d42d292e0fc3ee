// /portal/attendees: who will come to the meeting with the party (a supporter, an advocate, a
// colleague). Their own list only.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import { submitOnce } from '../../../web/submission.ts'
import { isFamily, type PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { ownAttendees } from '../repository.ts'
import { createPortalService } from '../service.ts'
import { attendeeSchema } from './schema.ts'

const view = 'portal/attendees/view.njk'

export default async function portalAttendees(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) {
    return reply.view(view, {
      ...portalContext(deps, party, 'attendees'),
      people: await ownAttendees(db, party.caseId, party.partyId),
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
    const form = parseForm(attendeeSchema, request.body)
    if (!form.ok) return render(reply.code(400), party, (request.body ?? {}) as Record<string, unknown>, form.errors)
    const next = await submitOnce(db, deps.clock, request.body, async (tx) => {
      const result = await service.addAttendee(
        party,
        { name: form.data.name, role: form.data.role, isSupporter: isFamily(party.role) },
        tx,
      )
      if (!result.ok) throw new Error(result.reason)
      return '/portal/attendees'
    })
    request.session.flash = `${form.data.name} has been added`
    return reply.redirect(next, 303)
  })

  app.post('/portal/attendees/:attendeeId/remove', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'attendees')
    if (!party) return reply
    const { attendeeId } = request.params as { attendeeId: string }
    const result = /^[0-9a-f-]{36}$/i.test(attendeeId)
      ? await service.removeAttendee(party, attendeeId.toLowerCase())
      : undefined
    if (!result?.ok) return reply.code(404).view('errors/not-found.njk')
    request.session.flash = 'The person has been taken off your list'
    return reply.redirect('/portal/attendees', 303)
  })
}
