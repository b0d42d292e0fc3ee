import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { startPage } from './service.ts'

export default async function start(app: FastifyInstance, { database }: AppDeps) {
  app.get('/', { config: { access: 'public' } }, async (_request, reply) =>
    reply.view('home/start/view.njk', await startPage(database.db)),
  )
}
