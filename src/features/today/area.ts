import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import today from './routes.ts'

export default async function todayArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [today]) await page(app, deps)
}
