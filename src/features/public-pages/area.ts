// The service's public face: a page for each council the service runs for (from its settings), the
// privacy notice, accessibility statement and cookies page, and the administrators' page that sets
// their wording and the provider's own details.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import publicPagesAdmin from './admin/routes.ts'
import publicPageWording from './admin/page/routes.ts'
import councilServicePage from './services/council/routes.ts'
import servicesIndex from './services/routes.ts'
import statementPages from './statement/routes.ts'

export default async function publicPagesArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of [servicesIndex, councilServicePage, statementPages, publicPagesAdmin, publicPageWording]) {
    await page(app, deps)
  }
}
