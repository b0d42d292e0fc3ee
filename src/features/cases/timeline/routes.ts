// /cases/:id/timeline: everything that happened to the case, newest first, from its events.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { recordAccess } from '../access-log.ts'
import { caseContext, visibleCaseOr404 } from '../case-page.ts'
import { eventsOf } from '../repository.ts'
import { describeEvent } from '../timeline.ts'

export default async function caseTimeline(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases/:id/timeline', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/timeline`,
    })
    const events = await eventsOf(database.db, found.id)
    return reply.view('cases/timeline/view.njk', {
      ...caseContext(found, 'timeline'),
      events: events.map((e) => ({
        ...describeEvent(e.type, e.data),
        by: e.actorLabel,
        occurredOn: e.occurredOn,
        recordedAt: e.recordedAt,
      })),
    })
  })
}
