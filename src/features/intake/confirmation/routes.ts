import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { confirmationPath, readState } from '../journey.ts'

/** Shown after the case is committed: the reference comes from the session, not the address. */
export default async function confirmation(app: FastifyInstance, _deps: AppDeps) {
  app.get(confirmationPath, { config: { access: 'public' } }, async (request, reply) => {
    const { sent } = readState(request)
    if (!sent) return reply.redirect('/request', 303)
    return reply.view('intake/confirmation/view.njk', { sent })
  })
}
