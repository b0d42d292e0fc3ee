import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import start from './start/routes.ts'

export default async function homeArea(app: FastifyInstance, deps: AppDeps) {
  await start(app, deps)
}
