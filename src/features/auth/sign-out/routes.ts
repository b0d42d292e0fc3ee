// Signing out is a form's POST, with the page's CSRF token (the header's "Sign out" is a button
// styled as a link), so that no other page or link can sign someone out. GET /sign-out, from an
// old bookmark, shows the button and changes nothing.
import type { FastifyInstance } from 'fastify'

export default async function signOut(app: FastifyInstance) {
  app.get('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    if (!request.session.userId) return reply.redirect('/sign-in', 303)
    return reply.view('auth/sign-out/view.njk')
  })

  app.post('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await request.session.destroy()
    return reply.redirect('/sign-in', 303)
  })
}
