// /cases/:id/meeting: the case's Meeting tab. The dates that suit every party come first, then
// each party's availability over the coming weeks (in words), and the meeting as booked, with the
// adjustments for the mediator and the venue. Mediators see their own case's tab; case workers
// enter availability and book, move or cancel the meeting.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { caseForView, meetingContext, meetingServiceOf, meetingViewers } from '../page.ts'

export default async function meetingTab(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)

  app.get('/cases/:id/meeting', { config: meetingViewers }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const picture = await meetings.picture(found.id)
    return reply.view('meetings/meeting/view.njk', { ...meetingContext(found, request), ...picture })
  })
}
