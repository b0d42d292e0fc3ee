// Enquiries that staff log for people who phoned or emailed.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import newEnquiry from './new/routes.ts'

export default async function enquiriesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [newEnquiry]) await page(app, deps)
}
