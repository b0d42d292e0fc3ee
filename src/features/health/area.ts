// /health: the process is up. /ready: it can do its work: the database answers, and no message
// waits past its time for the delivery job (a stuck job would otherwise go unnoticed).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { overdueMessages } from '../messages/index.ts'

export default async function healthRoutes(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/health', { config: { access: 'public' } }, async () => ({ status: 'ok' }))

  app.get('/ready', { config: { access: 'public' } }, async (request, reply) => {
    try {
      await database.ping()
    } catch (err) {
      request.log.warn({ err }, 'database did not answer')
      return reply.code(503).send({ status: 'unavailable', database: database.kind })
    }
    const overdue = await overdueMessages(database.db, clock)
    if (overdue) {
      request.log.warn({ overdue }, 'messages are waiting past their time: is the delivery job running?')
      return reply.code(503).send({ status: 'messages overdue', database: database.kind, messagesOverdue: overdue })
    }
    return { status: 'ready', database: database.kind }
  })
}
