// /venues/:id: change a venue (refused, showing the saved details, if someone else saved it since
// the page was shown), and add or remove its rooms. Removed rooms stay on meetings already booked.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Db } from '../../../../db/client.ts'
import { asArray, parseForm, type FormErrors, itemsOf } from '../../../../web/forms.ts'
import { submitOnce } from '../../../../web/submission.ts'
import { findVenue } from '../../repository.ts'
import { createMeetingService } from '../../service.ts'
import { venueAccess } from '../routes.ts'
import { accessFeatures, roomSchema, validateVenue, venueValues } from '../schema.ts'

const view = 'meetings/venues/venue/view.njk'
type Params = { Params: { id: string; roomId?: string } }
const id = z.guid()

export default async function venuePage(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const service = createMeetingService({ db, clock })
  const accessItems = itemsOf(accessFeatures)

  async function venueOr404(request: { params: { id: string } }, reply: FastifyReply) {
    const parsed = id.safeParse(request.params.id)
    const venue = parsed.success ? await findVenue(db, parsed.data.toLowerCase()) : undefined
    if (!venue) await reply.code(404).view('errors/not-found.njk')
    return venue
  }

  type Venue = NonNullable<Awaited<ReturnType<typeof findVenue>>>
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

  app.get<Params>('/venues/:id', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    return render(reply, venue)
  })

  app.post<Params>('/venues/:id', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const typed = { ...body, access: asArray(body.access) }
    const form = validateVenue(body, true)
    if (!form.ok) return render(reply.code(400), venue, { values: typed, errors: form.errors })
    if (!(await service.updateVenue(venue.id, Number(body.version), form.data))) {
      const fresh = (await findVenue(db, venue.id))!
      const text =
        'Someone else changed this venue while you were working on it. The page now shows their changes: make yours again and save'
      return render(reply.code(400), fresh, { errors: { summary: [{ text, href: '#name' }], fields: {} } })
    }
    request.session.flash = `${form.data.name} saved`
    return reply.redirect(`/venues/${venue.id}`, 303)
  })

  app.post<Params>('/venues/:id/rooms', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    const form = parseForm(roomSchema, request.body)
    if (!form.ok)
      return render(reply.code(400), venue, {
        roomValues: request.body as Record<string, unknown>,
        errors: form.errors,
      })
    await submitOnce(db, clock, request.body, async (tx) => {
      await createMeetingService({ db: tx as unknown as Db, clock }).addRoom(tx, venue.id, {
        name: form.data.roomName,
        capacity: form.data.capacity,
        isBreakout: form.data.isBreakout === 'yes',
      })
      return ''
    })
    request.session.flash = `${form.data.roomName} added`
    return reply.redirect(`/venues/${venue.id}#rooms`, 303)
  })

  app.post<Params>('/venues/:id/rooms/:roomId/remove', { config: venueAccess }, async (request, reply) => {
    const venue = await venueOr404(request, reply)
    if (!venue) return reply
    const room = venue.rooms.find((r) => r.id === request.params.roomId)
    if (!room || !(await service.removeRoom(venue.id, room.id))) return reply.code(404).view('errors/not-found.njk')
    request.session.flash = `${room.name} removed`
    return reply.redirect(`/venues/${venue.id}#rooms`, 303)
  })
}
