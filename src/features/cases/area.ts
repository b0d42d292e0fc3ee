import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import caseList from './list/routes.ts'
import caseOverview from './overview/routes.ts'
import scopeDecision from './scope/routes.ts'
import caseTimeline from './timeline/routes.ts'

export default async function casesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [caseList, caseOverview, caseTimeline, scopeDecision]) await page(app, deps)
}
