// Preparing for the meeting: the pages under /cases/:id/preparation, in one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import attendees from './attendees/routes.ts'
import childViews from './child/routes.ts'
import contacts from './contacts/routes.ts'
import issues from './issues/routes.ts'
import overview from './overview/routes.ts'
import summaries from './summaries/routes.ts'

export default async function preparationArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [overview, contacts, issues, childViews, attendees, summaries]) await page(app, deps)
}
