import type { FastifyInstance } from 'fastify'

export default async function start(app: FastifyInstance) {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) => reply.view('home/start/view.njk'))
}
