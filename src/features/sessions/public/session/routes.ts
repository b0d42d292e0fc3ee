// /services/:council/sessions/:id: one session for anyone: what it is, when and where (with the
// venue's access; never an online link), and what they can do: book a place, join the waiting
// list, or nothing (booking closed, or the session cancelled).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { bookingServiceOf, publicBase, publicPage, sessionView } from '../../page.ts'
import { journeyPaths } from '../journey.ts'
import { publicSessionOr404 } from '../page.ts'

export default async function publicSessionPage(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  app.get('/services/:council/sessions/:id', { config: publicPage }, async (request, reply) => {
    const found = await publicSessionOr404(bookings, request, reply)
    if (!found) return reply
    return reply.view('sessions/public/session/view.njk', {
      session: sessionView(found),
      council: found.council,
      state: found.state,
      placesLeft: found.placesLeft,
      paths: journeyPaths(found.council.code, found.session.id),
      backLink: publicBase(found.council.code),
    })
  })
}
