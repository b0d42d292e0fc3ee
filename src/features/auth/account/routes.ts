// /account: the signed-in person's own account: their details, a link to change their password,
// and their sessions (when each started and was last used, the browser and address), each of the
// others ended with its own button, or all of them at once.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { auditActorOf } from '../../audit/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { createSessionService } from '../sessions.ts'

const view = 'auth/account/view.njk'

/** A session of the list (its handle), or all the others. */
const endSchema = z.object({ _csrf: z.string(), session: z.string().regex(/^(others|[\w-]{22})$/) }).strict()

export default async function account(app: FastifyInstance, { database, clock }: AppDeps) {
  const sessions = createSessionService(database.db, clock)
  const access = 'signed-in' as const

  app.get('/account', { config: { access } }, async (request, reply) => {
    const user = currentUser(request)
    return reply.view(view, { person: user, sessions: await sessions.list(user.id, request.session.sessionId) })
  })

  app.post('/account/sessions/end', { config: { access } }, async (request, reply) => {
    const form = endSchema.safeParse(request.body ?? {})
    const user = currentUser(request)
    const by = auditActorOf(request)
    if (form.success && form.data.session === 'others') {
      await sessions.endOthers(user.id, request.session.sessionId, by)
      request.session.flash = 'You have been signed out everywhere else'
    } else {
      const ended = form.success && (await sessions.end(user.id, form.data.session, request.session.sessionId, by))
      request.session.flash = ended ? 'That session has been signed out' : 'That session had already ended'
    }
    return reply.redirect('/account', 303)
  })
}
