// The preparation pages under /cases/:id/preparation, registered from the cases area's page list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app.ts'
import attendees from './attendees/routes.ts'
import childViews from './child/routes.ts'
import contacts from './contacts/routes.ts'
import issues from './issues/routes.ts'
import overview from './overview/routes.ts'
import summaries from './summaries/routes.ts'

export default async function preparationPages(app: FastifyInstance, deps: AppDeps) {
  for (const page of [overview, contacts, issues, childViews, attendees, summaries]) await page(app, deps)
}
