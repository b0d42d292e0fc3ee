// /cases/:id/messages: the case's Messages tab, every message written for the case, newest first,
// with where it went and what happened to it. Case workers and the case's mediator see it.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser, hasRole } from '../../../web/auth.ts'
import { caseWorkers, caseContext, caseForView } from '../../cases/index.ts'
import { channelLabel, statusTag } from '../labels.ts'
import { createMessageService } from '../service.ts'

export default async function caseMessages(app: FastifyInstance, deps: AppDeps) {
  const service = createMessageService({ db: deps.database.db, clock: deps.clock })

  app.get('/cases/:id/messages', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const rows = await service.caseMessages(found.id)
    return reply.view('messages/case-messages/view.njk', {
      ...caseContext(found, 'messages'),
      rows: rows.map((r) => ({ ...r, tag: statusTag(r.status, r.channel), channelText: channelLabel(r.channel) })),
      maySend: hasRole(currentUser(request), ...caseWorkers),
    })
  })
}
