import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import chooseReport from './choose/routes.ts'
import councilReport from './report/routes.ts'
import reportRuns from './runs/routes.ts'

export default async function reportsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [chooseReport, councilReport, reportRuns]) await page(app, deps)
}
