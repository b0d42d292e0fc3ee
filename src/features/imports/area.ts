// Cases in and out: an administrator imports a file of existing cases (upload, columns, dry run,
// the job with its progress, undo), and staff export the case list as they filtered it.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import batchPages from './batch/routes.ts'
import columnsPage from './columns/routes.ts'
import exportPages from './export/routes.ts'
import importsPage from './routes.ts'

export default async function importsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [importsPage, columnsPage, batchPages, exportPages]) await page(app, deps)
}
