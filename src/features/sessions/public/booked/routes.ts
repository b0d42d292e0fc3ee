// /services/:council/sessions/:id/booked: the confirmation, shown after the booking is committed
// (from the visitor's session, never from the address): a place or the waiting list, and what next.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { bookingServiceOf, publicBase, publicPage, sessionView } from '../../page.ts'
import { journeyPaths, readJourney } from '../journey.ts'
import { publicSessionOr404 } from '../page.ts'

export default async function bookedPage(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  app.get('/services/:council/sessions/:id/booked', { config: publicPage }, async (request, reply) => {
    const found = await publicSessionOr404(bookings, request, reply)
    if (!found) return reply
    const { done } = readJourney(request, found.session.id)
    if (done?.sessionId !== found.session.id)
      return reply.redirect(journeyPaths(found.council.code, found.session.id).session, 303)
    return reply.view('sessions/public/booked/view.njk', {
      session: sessionView(found),
      council: found.council,
      waiting: done.status === 'waiting',
      by: done.channel === 'email' ? 'email' : 'text message',
      listHref: publicBase(found.council.code),
    })
  })
}
