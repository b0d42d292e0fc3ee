import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'

export default async function healthRoutes(app: FastifyInstance, { database }: AppDeps) {
  app.get('/health', { config: { access: 'public' } }, async () => ({ status: 'ok' }))

  app.get('/ready', { config: { access: 'public' } }, async (_request, reply) => {
    try {
      await database.ping()
      return { status: 'ready', database: database.kind }
    } catch (err) {
      _request.log.warn({ err }, 'database did not answer')
      return reply.code(503).send({ status: 'unavailable', database: database.kind })
    }
  })
}
