// /services/:council/sessions: the council's information sessions yet to start, for anyone, in
// date order, a page at a time: what each is, who it is for, when and where, and whether places
// are left. The link target for the council's public page.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { bookingServiceOf, cursorOf, cursorText, publicBase, publicPage, sessionView } from '../../page.ts'
import { withCouncilFooter } from '../page.ts'

const stateText = {
  open: 'Places left',
  full: 'Full: join the waiting list',
  closed: 'Booking closed',
  cancelled: 'Cancelled',
}

export default async function publicSessionList(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  app.get('/services/:council/sessions', { config: publicPage }, async (request, reply) => {
    const { council: code } = request.params as { council: string }
    const council = await bookings.councilByCode(code)
    if (!council) return notFound(request, reply)
    withCouncilFooter(reply, council)
    const { sessions, next } = await bookings.upcoming(council.id, cursorOf(request))
    return reply.view('sessions/public/list/view.njk', {
      council,
      base: publicBase(code),
      sessions: sessions.map((r) => ({
        ...sessionView(r),
        state: r.state,
        stateText: stateText[r.state],
        placesLeft: Math.max(0, r.session.capacity - r.booked),
      })),
      nextHref: next ? `${publicBase(code)}?after=${encodeURIComponent(cursorText(next))}` : undefined,
    })
  })
}
