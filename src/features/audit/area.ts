// The audit area's pages: the audit search and its CSV download, under Administration.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import auditSearch from './search/routes.ts'

export default async function auditArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [auditSearch]) await page(app, deps)
}
