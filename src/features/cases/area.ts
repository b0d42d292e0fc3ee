import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import caseActions from './actions/routes.ts'
import recordUpdate from './actions/update/routes.ts'
import caseList from './list/routes.ts'
import caseOverview from './overview/routes.ts'
import statutoryDates from './progress/dates/routes.ts'
import caseProgress from './progress/routes.ts'
import takeThisCase from './progress/take/routes.ts'
import scopeDecision from './scope/routes.ts'
import caseTimeline from './timeline/routes.ts'
import certificatesTab from '../certificates/list/routes.ts'
import certificatePage from '../certificates/certificate/routes.ts'
import preparationPages from '../preparation/area.ts'
import { allocationPages } from '../allocation/pages.ts'

export default async function casesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [
    caseList,
    caseOverview,
    caseProgress,
    takeThisCase,
    statutoryDates,
    caseActions,
    recordUpdate,
    caseTimeline,
    scopeDecision,
    certificatesTab,
    certificatePage,
    preparationPages,
    ...allocationPages,
  ]) {
    await page(app, deps)
  }
}
