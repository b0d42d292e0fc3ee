// /sessions: the information sessions of the councils this person works for, from a few weeks ago
// on, in date order, a page at a time (keyset paged), with the places taken and the waiting list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { cursorOf, cursorText, sessionServiceOf, sessionStaff, sessionView } from '../../page.ts'

export default async function sessionList(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  app.get('/sessions', { config: sessionStaff }, async (request, reply) => {
    const { sessions: rows, next } = await sessions.list(currentUser(request), cursorOf(request))
    return reply.view('sessions/manage/list/view.njk', {
      sessions: rows.map((r) => ({
        ...sessionView(r),
        council: r.councilName,
        booked: r.booked,
        waiting: r.waiting,
        past: r.session.startsAt < deps.clock.now(),
      })),
      nextHref: next ? `/sessions?after=${encodeURIComponent(cursorText(next))}` : undefined,
    })
  })
}
