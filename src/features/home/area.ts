import type { FastifyInstance } from 'fastify'
import start from './start/routes.ts'

export default async function homeArea(app: FastifyInstance) {
  await start(app)
}
