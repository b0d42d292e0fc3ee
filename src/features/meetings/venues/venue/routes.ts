// /venues/:id: change a venue (refused, showing the saved details, if someone else saved it since
// the page was shown), and add or remove its rooms. Removed rooms stay on meetings already booked.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { asArray, itemsOf, parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { meetingServiceOf } from '../../page.ts'
import { venueAccess } from '../routes.ts'
import { accessFeatures, roomSchema, validateVenue, venueValues } from '../schema.ts'

const view = 'meetings/venues/venue/view.njk'
type Params = { Params: { id: string; roomId?: string } }
const accessItems = itemsOf(accessFeatures)

export default async function venuePage(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)
  type Venue = NonNullable<Awaited<ReturnType<typeof meetings.venue>>>

  const render = (
    reply: FastifyReply,
    venue: Venue,
    extra: { values?: Record<string, unknown>; roomValues?: Record<string, unknown>; errors?: FormErrors } = {},
  ) =>
    reply.view(view, {
      venue,
      values: extra.values ?? venueValues(venue),
      roomValues: extra.roomValues ?? {},
      accessItems,
      errors: extra.errors,
      backLink: '/venues',
    })

  /** The venue at /venues/:id, or the not-found page. */
  async function venueOr404(request: FastifyRequest<Params>, reply: FastifyReply) {
    const venue = await meetings.venue(request.params.id)
    if (!venue) await notFound(request, reply)
    return venue
  }

  app.get<Params>('/venues/:id', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    return venue ? render(reply, venue) : reply
  })

  app.post<Params>('/venues/:id', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    return submitForm(request, reply, {
      parse: (body) => validateVenue(body, 'edit'),
      // Someone else saved it meanwhile (409): the page shows the venue as it is now, to change again.
      render: async (reply, { values, errors }) =>
        reply.statusCode === 409
          ? render(reply, (await meetings.venue(venue.id)) ?? venue, { errors })
          : render(reply, venue, { values: { ...values, access: asArray(values.access) }, errors }),
      field: 'name',
      submit: async (input) => {
        const saved = await meetings.updateVenue(venue.id, input.version ?? -1, input)
        return saved.ok ? { ok: true, redirect: `/venues/${venue.id}`, flash: `${input.name} saved` } : saved
      },
    })
  })

  app.post<Params>('/venues/:id/rooms', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(roomSchema, body),
      render: (reply, { values, errors }) => render(reply, venue, { roomValues: values, errors }),
      field: 'roomName',
      submit: async ({ submissionKey, ...room }) => {
        const added = await meetings.addRoom(venue.id, room, submissionKey)
        return added.ok ? { ok: true, redirect: `/venues/${venue.id}#rooms`, flash: `${room.name} added` } : added
      },
    })
  })

  // A button with no fields to fix: only its refusal (no such room) to answer, with the not-found page.
  app.post<Params>('/venues/:id/rooms/:roomId/remove', { config: venueAccess }, async (request, reply) => {
    const removed = await meetings.removeRoom(request.params.id, request.params.roomId!)
    if (!removed.ok) return notFound(request, reply)
    request.session.flash = `${removed.name} removed`
    return reply.redirect(`/venues/${request.params.id}#rooms`, 303)
  })
}
