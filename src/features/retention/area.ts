// Retention, under Administration: each council's schedule, what the next run will anonymise,
// legal holds, and the log of the job's runs. Administrators only.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import overview from './admin/routes.ts'
import council from './council/routes.ts'
import due from './due/routes.ts'
import holds from './holds/routes.ts'
import newHold from './holds/new/routes.ts'
import liftHold from './holds/lift/routes.ts'
import runs from './runs/routes.ts'

export default async function retentionArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [overview, council, due, holds, newHold, liftHold, runs]) await page(app, deps)
}
