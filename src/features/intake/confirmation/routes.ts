import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { sentCouncilDetails } from '../council.ts'
import { confirmationPath, readState } from '../journey.ts'

/**
 * Shown after the case is committed: the reference comes from the session, not the address. The
 * contact details are those of the council the request went to.
 */
export default async function confirmation(app: FastifyInstance, deps: AppDeps) {
  app.get(confirmationPath, { config: { access: 'public' } }, async (request, reply) => {
    const { sent } = readState(request)
    if (!sent) return reply.redirect('/request', 303)
    const council = sent.councilId ? await sentCouncilDetails(deps.database.db, sent.councilId) : undefined
    if (council) reply.locals = { ...reply.locals, service: council }
    return reply.view('intake/confirmation/view.njk', { sent, inArea: !!council })
  })
}
