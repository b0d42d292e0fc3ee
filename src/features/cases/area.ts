// Cases: the list, each case's overview, progress and deadlines, workflow actions, scope and timeline.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import caseActions from './actions/routes.ts'
import recordUpdate from './actions/update/routes.ts'
import caseList from './list/routes.ts'
import caseOverview from './overview/routes.ts'
import councilContact from './progress/council-contact/routes.ts'
import statutoryDates from './progress/dates/routes.ts'
import caseProgress from './progress/routes.ts'
import takeThisCase from './progress/take/routes.ts'
import scopeDecision from './scope/routes.ts'
import caseTimeline from './timeline/routes.ts'

export default async function casesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [
    caseList,
    caseOverview,
    caseProgress,
    takeThisCase,
    councilContact,
    statutoryDates,
    caseActions,
    recordUpdate,
    caseTimeline,
    scopeDecision,
  ]) {
    await page(app, deps)
  }
}
