import type { FastifyInstance } from 'fastify'

export default async function signOut(app: FastifyInstance) {
  // A link in the header, so it works without JavaScript; signing out changes nothing but the session.
  app.get('/sign-out', { config: { access: 'public' } }, async (request, reply) => {
    await request.session.destroy()
    return reply.redirect('/sign-in', 303)
  })
}
