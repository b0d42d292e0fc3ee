// /portal/sign-out (the menu's button: a form's POST with the page's token, so that no other page
// or link can sign a family out; GET only shows the button), /portal/sign-out-everywhere
// (ends every session of the person, on every device), and /portal/still-here (the idle warning's
// "Stay signed in": any portal request keeps the session going).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentParty } from '../party-access.ts'
import { portalAccess } from '../page.ts'
import { createSignInService } from '../sign-in-service.ts'

export default async function portalSignOut(app: FastifyInstance, deps: AppDeps) {
  const service = createSignInService({ db: deps.database.db, clock: deps.clock, config: deps.config })

  app.get('/portal/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.session.partyId) return reply.redirect('/portal/signed-out', 303)
    return reply.view('portal/sign-out/confirm.njk')
  })

  app.post('/portal/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await request.session.destroy()
    return reply.redirect('/portal/signed-out', 303)
  })

  // A button with no fields.
  app.post('/portal/sign-out-everywhere', { config: portalAccess }, async (request, reply) => {
    await service.endSessionsOf(currentParty(request).address)
    await request.session.destroy()
    return reply.redirect('/portal/signed-out?everywhere=yes', 303)
  })

  app.get('/portal/signed-out', { config: { access: 'public' } }, async (request, reply) => {
    const everywhere = (request.query as { everywhere?: string }).everywhere === 'yes'
    return reply.view('portal/sign-out/view.njk', { everywhere })
  })

  app.get('/portal/still-here', { config: portalAccess }, async (_request, reply) => reply.code(204).send())
}
