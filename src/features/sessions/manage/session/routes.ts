// /sessions/:id: the session, and who booked and who is waiting (a look at personal data,
// recorded), with what staff can do: change or move it, message everyone, record who came, cancel.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { publicBase, sessionServiceOf, sessionStaff, sessionView } from '../../page.ts'

export default async function sessionPage(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  app.get('/sessions/:id', { config: sessionStaff }, async (request, reply) => {
    const { id } = request.params as { id: string }
    const found = await sessions.withBookings(currentUser(request), id, request.url)
    if (!found) return notFound(request, reply)
    const contact = (b: (typeof found.bookings)[number]) => (b.channel === 'email' ? b.email : b.phone) ?? ''
    const rows = (status: string) =>
      found.bookings
        .filter((b) => b.status === status)
        .map((b) => ({
          id: b.id,
          name: b.name,
          contact: contact(b),
          channel: b.channel === 'email' ? 'Email' : 'Text message',
          adjustments: b.adjustments || 'None',
          attended: b.attended === null ? 'Not recorded' : b.attended ? 'Came' : 'Did not come',
        }))
    return reply.view('sessions/manage/session/view.njk', {
      session: sessionView(found),
      council: found.council,
      onlineLink: found.session.onlineLink,
      booked: rows('booked'),
      waiting: rows('waiting'),
      started: found.started,
      publicHref: `${publicBase(found.council.code)}/${id}`,
      backLink: '/sessions',
    })
  })
}
